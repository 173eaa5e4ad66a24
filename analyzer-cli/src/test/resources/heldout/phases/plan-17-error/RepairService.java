// Deadlock (the local is reassigned before the call): `plan` starts as a new Plan, but when resuming it is
// reassigned to `current`, the plan start() already executed; the transferFiles below then holds current's
// coordinator and waits for its running session 10.0.0.2, which holds its monitor and waits for that coordinator.
package heldout.phases.plan17;

public final class RepairService {
    private volatile Plan current;

    public void start(String peer) {
        Plan first = new Plan("repair " + peer);
        first.transferFiles(peer, "nb-1-big-Data.db");
        first.execute();
        current = first;
    }

    public void addFile(String peer, String file, boolean resume) {
        Plan plan = new Plan("repair " + peer);
        if (resume) {
            plan = current;
        }
        plan.transferFiles(peer, file);
        if (!resume) {
            plan.execute();
        }
    }

    public static void main(String[] args) {
        RepairService service = new RepairService();
        service.start("10.0.0.2");
        service.addFile("10.0.0.2", "nb-2-big-Data.db", true);
    }
}
