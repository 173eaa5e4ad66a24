// A static registry of plans: the plan-scheduler thread executes every registered plan.
package heldout.phases.plan9;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

final class Plans {
    private static final BlockingQueue<Plan> PENDING = new LinkedBlockingQueue<>();

    private Plans() {
    }

    static void register(Plan plan) {
        PENDING.add(plan);
    }

    static void startScheduler() {
        new Thread(() -> {
            try {
                while (true) {
                    PENDING.take().execute();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "plan-scheduler").start();
    }
}
