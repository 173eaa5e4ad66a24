package lockcheck.samples.runtime;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A busy tryLock loop: while another thread holds the lock for a second, the spinner fails
 * tryLock millions of times and burns a core. The agent reports LC206 (more than 1000 failures a
 * second at one call site).
 */
public final class TryLockStorm {
    private final ReentrantLock lock = new ReentrantLock();
    private int counter;

    void holdForAWhile(CountDownLatch held) throws InterruptedException {
        lock.lock();
        try {
            held.countDown();
            Thread.sleep(1000);
        } finally {
            lock.unlock();
        }
    }

    void spin() {
        while (!lock.tryLock()) { // expect: LC101
            counter--;
        }
        try {
            counter++;
        } finally {
            lock.unlock();
        }
    }

    public static void main(String[] args) throws Exception {
        TryLockStorm s = new TryLockStorm();
        CountDownLatch held = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                s.holdForAWhile(held);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "holder");
        holder.start();
        held.await();
        s.spin();
        holder.join();
        System.out.println("counter " + s.counter);
    }
}
