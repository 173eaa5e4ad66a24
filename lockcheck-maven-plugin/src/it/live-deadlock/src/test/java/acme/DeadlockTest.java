package acme;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Two threads take two monitors in opposite orders, each after the other has its first: a sure deadlock. */
class DeadlockTest {
    @Test
    void deadlock() throws Exception {
        Object a = new Object(), b = new Object();
        CountDownLatch both = new CountDownLatch(2);
        Thread t1 = new Thread(() -> { synchronized (a) { both.countDown(); await(both); synchronized (b) { } } });
        Thread t2 = new Thread(() -> { synchronized (b) { both.countDown(); await(both); synchronized (a) { } } });
        t1.start(); t2.start(); t1.join(); t2.join();
    }

    static void await(CountDownLatch l) {
        try { l.await(); } catch (InterruptedException e) { throw new RuntimeException(e); }
    }
}
