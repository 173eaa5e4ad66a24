// Clean: the Coordinator -> Session order (Coordinator.transfer -> Session.addFile) is only taken through
// plan.transferFiles on `plan`, a local that run() initialised with `new Plan(...)`, before plan.execute() starts
// any session thread. The coordinator is reachable only through plan's final field, so no other thread can hold
// or wait for its monitor then; the Session -> Coordinator order of the running sessions has nothing to invert.
package heldout.phases.plan1;

public final class RepairTask {
    public void run() {
        Plan plan = new Plan("repair");
        plan.transferFiles("10.0.0.2", "nb-1-big-Data.db");
        plan.transferFiles("10.0.0.3", "nb-2-big-Data.db");
        plan.execute();
    }

    public static void main(String[] args) {
        new RepairTask().run();
    }
}
