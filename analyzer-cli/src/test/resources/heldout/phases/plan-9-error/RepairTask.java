// Deadlock (stored in a static registry first): Plans.register puts the plan on a queue that the plan-scheduler
// thread takes from and executes, so session 10.0.0.2 may already run when main's second transferFiles holds the
// coordinator and waits for that session's monitor; the session holds it and waits for the coordinator.
package heldout.phases.plan9;

public final class RepairTask {
    public void run() {
        Plan plan = new Plan("repair");
        plan.transferFiles("10.0.0.2", "nb-1-big-Data.db");
        Plans.register(plan);
        plan.transferFiles("10.0.0.2", "nb-2-big-Data.db");
    }

    public static void main(String[] args) {
        Plans.startScheduler();
        new RepairTask().run();
    }
}
