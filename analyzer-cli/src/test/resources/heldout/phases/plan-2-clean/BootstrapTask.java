// Clean, fluent form of plan-1: the local is initialised with `new Plan(...).withTimeout(...)` (withTimeout returns
// this), and the transferFiles calls are chained on it (each returns this), all before execute(). Only this thread
// can reach the plan's coordinator while Coordinator -> Session is taken, so it cannot close a cycle with the
// Session -> Coordinator callback of the sessions that execute() starts.
package heldout.phases.plan2;

public final class BootstrapTask {
    public void bootstrap() {
        Plan plan = new Plan("bootstrap").withTimeout(30_000);
        plan.transferFiles("10.0.0.2", "nb-1-big-Data.db")
                .transferFiles("10.0.0.3", "nb-2-big-Data.db")
                .transferFiles("10.0.0.2", "nb-3-big-Data.db");
        plan.execute();
    }

    public static void main(String[] args) {
        new BootstrapTask().bootstrap();
    }
}
