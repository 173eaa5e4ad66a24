package lockcheck.samples.runtime;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A read lock held across Future.get on a pool task that reads the same lock. It works today
 * because no writer comes in between; a writer queued before the task's read would park the task
 * behind it, the writer behind the caller's read lock, and the caller in get(): LC202.
 */
public final class ReadLockAcrossFutureGet {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private int value = 41;

    int read() {
        lock.readLock().lock();
        try {
            return value;
        } finally {
            lock.readLock().unlock();
        }
    }

    int computeUnderReadLock() throws Exception {
        lock.readLock().lock();
        try {
            Future<Integer> f = pool.submit(() -> {
                Thread.sleep(200); // the caller is in get() by now
                return read() + 1;
            });
            return f.get(); // expect: LC001
        } finally {
            lock.readLock().unlock();
        }
    }

    void update(int v) {
        lock.writeLock().lock();
        try {
            value = v;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public static void main(String[] args) throws Exception {
        ReadLockAcrossFutureGet s = new ReadLockAcrossFutureGet();
        int r = s.computeUnderReadLock();
        s.update(r);
        s.pool.shutdown();
        s.pool.awaitTermination(10, TimeUnit.SECONDS);
        System.out.println("value " + s.read());
    }
}
