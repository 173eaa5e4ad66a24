package lockcheck.samples.counterparts;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * LC001 error, latch form: the task that counts the latch down first reads under the same lock.
 * With a writer queued (bump), the task's read waits behind it, the writer waits for snapshot()'s
 * read lock, and snapshot() waits for the latch.
 */
public class LatchCountedLocks {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private long version;

    long snapshot(ExecutorService pool) throws InterruptedException {
        CountDownLatch flushed = new CountDownLatch(1);
        rw.readLock().lock();
        try {
            pool.submit(() -> {
                System.out.println("flush " + current());
                flushed.countDown();
            });
            flushed.await(); // expect: LC001
            return version;
        } finally {
            rw.readLock().unlock();
        }
    }

    long current() {
        rw.readLock().lock();
        try {
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
