package lockcheck.samples.runtime;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Three lock-order cycles, one of which can deadlock (threads run one after the other, so this run
 * never hangs):
 * <ul>
 *   <li>{@code x -> y} and {@code y -> x}, both taken under the gate lock {@code gate}: the gate lets
 *       only one of them run at a time, so the cycle cannot close (quiet);</li>
 *   <li>{@code p -> q} and {@code r -> p} taken by one thread, {@code q -> r} by another: closing the
 *       cycle needs the first thread in two places at once (quiet);</li>
 *   <li>{@code ledger -> journal} and {@code journal -> ledger} on two threads: LC204, reported once
 *       although two pairs of instances invert it.</li>
 * </ul>
 */
public final class GateLockCycles {
    private final ReentrantLock gate = new ReentrantLock();
    private final ReentrantLock x = new ReentrantLock();
    private final ReentrantLock y = new ReentrantLock();
    private final ReentrantLock p = new ReentrantLock();
    private final ReentrantLock q = new ReentrantLock();
    private final ReentrantLock r = new ReentrantLock();
    private final ReentrantLock ledger = new ReentrantLock();
    private final ReentrantLock[] journals = {new ReentrantLock()};

    static void nested(ReentrantLock outer, ReentrantLock inner) {
        outer.lock();
        try {
            inner.lock();
            inner.unlock();
        } finally {
            outer.unlock();
        }
    }

    void gated(ReentrantLock first, ReentrantLock second) {
        gate.lock();
        try {
            nested(first, second);
        } finally {
            gate.unlock();
        }
    }

    static void inOrder(Runnable... steps) throws InterruptedException {
        int n = 0;
        for (Runnable s : steps) {
            Thread t = new Thread(s, "step-" + n++);
            t.start();
            t.join();
        }
    }

    public static void main(String[] args) throws Exception {
        GateLockCycles s = new GateLockCycles();
        inOrder(() -> s.gated(s.x, s.y), () -> s.gated(s.y, s.x));
        inOrder(() -> {
            nested(s.p, s.q);
            nested(s.r, s.p);
        }, () -> nested(s.q, s.r));
        for (int i = 0; i < 2; i++) {
            GateLockCycles pair = new GateLockCycles();
            inOrder(() -> nested(pair.ledger, pair.journals[0]), () -> nested(pair.journals[0], pair.ledger));
        }
        System.out.println("done");
    }
}
