package dev.lockcheck.agent.boot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class HooksForgetTest {
    /** A thread that registers with the tracker, then waits for {@code end} before it dies. */
    private static Thread registered(CountDownLatch end) throws InterruptedException {
        CountDownLatch in = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            Hooks.markInternal(); // the first hook call registers the thread
            in.countDown();
            try {
                end.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        in.await();
        return t;
    }

    /**
     * The watchdog asks about dead threads while a 5,000-thread program keeps ending threads: one
     * that dies during the rebuild (here: while the watchdog is asked about an earlier-dead one)
     * must neither vanish from the count nor leave a null behind (TryLockStorm.scan threw a
     * NullPointerException on it and tracking stopped).
     */
    @Test
    void threadDyingDuringForget_leavesNoHole() throws Exception {
        CountDownLatch endAlive = new CountDownLatch(1);
        Thread dyingDuring = registered(endAlive); // registered first: alive when the rebuild looks at it
        CountDownLatch endNow = new CountDownLatch(1);
        Thread dead = registered(endNow);
        endNow.countDown();
        dead.join();

        Hooks.forget(s -> {
            if (s.thread == dead) {
                endAlive.countDown(); // the other thread dies now, in the middle of the rebuild
                try {
                    dyingDuring.join();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                return true;
            }
            return s.thread == dyingDuring; // drained: may go
        });

        List<ThreadState> left = Arrays.asList(Hooks.threads());
        assertFalse(left.contains(null), "a null in the tracked threads");
        assertTrue(left.stream().noneMatch(s -> s.thread == dead), "the drained dead thread is dropped");
        Hooks.forget(s -> s.thread == dyingDuring);
        assertTrue(Arrays.stream(Hooks.threads()).noneMatch(s -> s.thread == dyingDuring), "dropped at the next look");
    }
}
