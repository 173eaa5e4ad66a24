// Deadlock (confinement ends midway): the second transferFiles to 10.0.0.2 runs after execute(). Main holds the
// coordinator in Coordinator.transfer and waits for session 10.0.0.2's monitor (addFile); that session's thread,
// finishing in sendNext, holds its own monitor and waits for the coordinator (sessionCompleted). The first
// transferFiles, before execute(), is confined; the later one on the same path is not.
package heldout.phases.plan5;

public final class RepairTask {
    public void run() {
        Plan plan = new Plan("repair");
        plan.transferFiles("10.0.0.2", "nb-1-big-Data.db");
        plan.execute();
        plan.transferFiles("10.0.0.2", "nb-2-big-Data.db");
    }

    public static void main(String[] args) {
        new RepairTask().run();
    }
}
