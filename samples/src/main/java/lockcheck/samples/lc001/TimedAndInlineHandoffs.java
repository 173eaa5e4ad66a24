package lockcheck.samples.lc001;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Handoffs under a read lock in other shapes: a timed offer (a warning: it recovers, after the
 * timeout), a put inside a forEach lambda (runs on this thread, under the lock), a latch awaited
 * under the lock. And look-alikes: a task handed to an executor runs on another thread, not under
 * this read lock; a handoff after the release; a write lock held across the handoff.
 */
public class TimedAndInlineHandoffs {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<String> rows = new ArrayList<>();
    private final BlockingQueue<String> out = new LinkedBlockingQueue<>(16);

    boolean offerAll() throws InterruptedException {
        lock.readLock().lock();
        try {
            for (String r : rows) {
                if (!out.offer(r, 50, TimeUnit.MILLISECONDS)) return false; // expect: LC001
            }
            return true;
        } finally {
            lock.readLock().unlock();
        }
    }

    void putEach() {
        lock.readLock().lock();
        try {
            rows.forEach(r -> {
                try {
                    out.put(r); // expect: LC001
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        } finally {
            lock.readLock().unlock();
        }
    }

    void waitForPeers(CountDownLatch peersReady) throws InterruptedException {
        lock.readLock().lock();
        try {
            peersReady.await(); // expect: LC001
        } finally {
            lock.readLock().unlock();
        }
    }

    void exportLater(ExecutorService pool) {
        lock.readLock().lock();
        try {
            List<String> snapshot = List.copyOf(rows);
            pool.execute(() -> {
                for (String r : snapshot) {
                    try {
                        out.put(r);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
        } finally {
            lock.readLock().unlock();
        }
    }

    void handoffAfterRelease() throws InterruptedException {
        String first;
        lock.readLock().lock();
        try {
            first = rows.isEmpty() ? "" : rows.get(0);
        } finally {
            lock.readLock().unlock();
        }
        out.put(first);
    }

    void drainUnderWriteLock(List<String> sink) throws InterruptedException {
        lock.writeLock().lock();
        try {
            sink.add(out.take());
        } finally {
            lock.writeLock().unlock();
        }
    }
}
