package lockcheck.samples;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.BooleanSupplier;

/**
 * Orchestration for the runnable samples: wait for a thread to reach a state, then show what the
 * JVM sees of a hang. Holds no lock, so it carries no finding.
 */
public final class Demo {
    /** Exit status of a sample that reproduced its hang. */
    public static final int HUNG = 1;

    private Demo() {
    }

    /** Polls until {@code condition} holds; fails loudly after {@code timeoutMs}. */
    public static void await(String what, BooleanSupplier condition, long timeoutMs) {
        long end = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new IllegalStateException("timed out waiting for: " + what);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for: " + what, e);
            }
        }
    }

    /**
     * Waits up to {@code timeoutMs} for the threads to finish. If they do, returns normally. If
     * they do not, prints their states and what {@code ThreadMXBean.findDeadlockedThreads()}
     * reports (nothing, for read locks and handoffs), and exits with {@link #HUNG}.
     */
    public static void expectCompletion(String scenario, long timeoutMs, Thread... threads) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        for (Thread t : threads) t.join(Math.max(1, end - System.currentTimeMillis()));
        boolean alive = false;
        for (Thread t : threads) alive |= t.isAlive();
        if (!alive) {
            System.out.println(scenario + ": completed");
            return;
        }
        System.out.println(scenario + ": HUNG after " + timeoutMs + " ms");
        for (Thread t : threads) {
            StackTraceElement[] st = t.getStackTrace();
            String where = "";
            for (StackTraceElement e : st) {
                if (e.getClassName().startsWith("lockcheck.samples")) {
                    where = " at " + e.getClassName() + "." + e.getMethodName() + "(" + e.getFileName() + ":" + e.getLineNumber() + ")";
                    break;
                }
            }
            System.out.println("  thread " + t.getName() + ": " + t.getState() + where);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] dead = mx.findDeadlockedThreads();
        System.out.println("  ThreadMXBean.findDeadlockedThreads() = "
                + (dead == null ? "null (the JVM sees no deadlock: read locks have no owner, handoffs are not locks)"
                : dead.length + " thread(s)"));
        System.out.flush();
        System.exit(HUNG);
    }

    /** Starts a daemon thread (a hung sample must not keep the JVM alive). */
    public static Thread start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Runs {@code r}, turning interruption into an unchecked exception (for thread bodies). */
    public static void unchecked(Interruptible r) {
        try {
            r.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    public interface Interruptible {
        void run() throws InterruptedException;
    }
}
