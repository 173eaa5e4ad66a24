// Deadlock (passed to another object's constructor first): new PlanRunner(plan) keeps the plan and starts a thread
// that executes it; main's second transferFiles can then hold the coordinator and wait for the running session
// 10.0.0.2, which holds its monitor and waits for the coordinator in sessionCompleted.
package heldout.phases.plan12;

public final class RepairTask {
    public void run() {
        Plan plan = new Plan("repair");
        plan.transferFiles("10.0.0.2", "nb-1-big-Data.db");
        PlanRunner runner = new PlanRunner(plan);
        plan.transferFiles("10.0.0.2", "nb-2-big-Data.db");
        System.out.println("runner " + runner.name());
    }

    public static void main(String[] args) {
        new RepairTask().run();
    }
}
