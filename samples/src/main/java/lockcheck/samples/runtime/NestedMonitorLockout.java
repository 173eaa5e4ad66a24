package lockcheck.samples.runtime;

import java.util.concurrent.TimeUnit;

/**
 * Nested-monitor lockout: the waiter holds {@code outer} while it waits on {@code inner}
 * ({@code inner.wait()} lets only {@code inner} go); the notifier must take {@code outer} before it
 * can notify, and blocks on it. The waiter waits for a notification only the notifier can send, the
 * notifier waits for the waiter's monitor. The JVM's detector sees no cycle (a waiting thread owns
 * nothing it waits for); the agent treats {@code wait}/{@code notify} as a handoff and reports LC201.
 */
public final class NestedMonitorLockout {
    static final int TIMEOUT_SECONDS = 30;

    private final Object outer = new Object();
    private final Object inner = new Object();
    private boolean ready;

    void awaitReady() throws InterruptedException {
        synchronized (outer) {
            synchronized (inner) {
                while (!ready) {
                    inner.wait();
                }
            }
        }
    }

    void markReady() {
        synchronized (outer) {
            synchronized (inner) {
                ready = true;
                inner.notifyAll();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        NestedMonitorLockout s = new NestedMonitorLockout();
        Thread waiter = new Thread(() -> {
            try {
                s.awaitReady();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "waiter");
        Thread notifier = new Thread(() -> {
            while (waiter.getState() != Thread.State.WAITING) Thread.onSpinWait();
            s.markReady();
        }, "notifier");
        waiter.setDaemon(true);
        notifier.setDaemon(true);
        waiter.start();
        notifier.start();
        waiter.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        if (waiter.isAlive()) {
            System.out.println("hung: the waiter keeps outer while waiting, the notifier needs outer to notify");
            System.exit(2);
        }
        System.out.println("done");
    }
}
