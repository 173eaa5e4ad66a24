// Deadlock (receiver made by a factory, not `new`): prepare() returns a plan, run() executes it and then calls
// transferFiles on it again: main holds the coordinator and waits for session 10.0.0.2's monitor, which that
// session's thread holds while it waits for the coordinator. The call in prepare() alone is confined.
package heldout.phases.plan14;

public final class MoveTask {
    static Plan prepare(String peer) {
        Plan plan = new Plan("move");
        plan.transferFiles(peer, "nb-1-big-Data.db");
        return plan;
    }

    public void run() {
        Plan plan = prepare("10.0.0.2");
        plan.execute();
        plan.transferFiles("10.0.0.2", "nb-2-big-Data.db");
    }

    public static void main(String[] args) {
        new MoveTask().run();
    }
}
