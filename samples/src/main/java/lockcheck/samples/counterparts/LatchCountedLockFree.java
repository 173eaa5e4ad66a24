package lockcheck.samples.counterparts;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Clean look-alike, latch form: snapshot() waits under the read lock for a latch that a task
 * submitted in the same method counts down without touching the lock. Every counterpart is known
 * and none takes the lock. No finding. (The same shape where the task reads under {@code rw}
 * first is {@link LatchCountedLocks}.)
 */
public class LatchCountedLockFree {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private long version;

    long snapshot(ExecutorService pool) throws InterruptedException {
        CountDownLatch flushed = new CountDownLatch(1);
        rw.readLock().lock();
        try {
            pool.submit(() -> {
                System.out.println("flush");
                flushed.countDown();
            });
            flushed.await();
            return version;
        } finally {
            rw.readLock().unlock();
        }
    }

    void bump() {
        rw.writeLock().lock();
        try {
            version++;
        } finally {
            rw.writeLock().unlock();
        }
    }
}
