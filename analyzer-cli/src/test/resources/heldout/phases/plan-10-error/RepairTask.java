// Deadlock (handed to an executor first): the plan is a Runnable whose run() executes it; after
// executor.execute(plan) the pool thread may start session 10.0.0.2 before main's second transferFiles, which then
// holds the coordinator and waits for that session's monitor while the session holds it and waits for the coordinator.
package heldout.phases.plan10;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

public final class RepairTask {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    public void run() {
        Plan plan = new Plan("repair");
        plan.transferFiles("10.0.0.2", "nb-1-big-Data.db");
        executor.execute(plan);
        plan.transferFiles("10.0.0.2", "nb-2-big-Data.db");
        executor.shutdown();
    }

    public static void main(String[] args) {
        new RepairTask().run();
    }
}
