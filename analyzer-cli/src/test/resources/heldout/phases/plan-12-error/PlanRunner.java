// Runs a plan on its own thread, started by the constructor.
package heldout.phases.plan12;

final class PlanRunner {
    private final Plan plan;
    private final Thread thread;

    PlanRunner(Plan plan) {
        this.plan = plan;
        this.thread = new Thread(plan::execute, "plan-runner");
        this.thread.start();
    }

    String name() {
        return thread.getName() + " " + plan.describe();
    }
}
