package lockcheck.samples.runtime;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A read lock held across {@code CountDownLatch.await()} while the thread that would count down
 * must first read-lock, and a writer is queued: the counter parks behind the writer, the writer
 * waits for the holder's read lock, the holder waits for the count. The counting thread has never
 * counted down before, so who completes the wait cannot come from history: the agent infers it
 * (the only threads that could be on their way to count down are those blocked behind the holder)
 * and reports LC201, saying the completer was inferred.
 * <p>
 * Without the agent the program gives up after {@link #TIMEOUT_SECONDS} and exits with status 2.
 */
public final class ReadLockAcrossLatchAwait {
    static final int TIMEOUT_SECONDS = 30;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final CountDownLatch loaded = new CountDownLatch(1);
    private int version;

    void awaitLoaded() throws InterruptedException {
        lock.readLock().lock();
        try {
            loaded.await(); // expect: LC001
        } finally {
            lock.readLock().unlock();
        }
    }

    void load() {
        lock.readLock().lock();
        try {
            version += 0;
        } finally {
            lock.readLock().unlock();
        }
        loaded.countDown();
    }

    void refresh() {
        lock.writeLock().lock();
        try {
            version++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public static void main(String[] args) throws Exception {
        ReadLockAcrossLatchAwait s = new ReadLockAcrossLatchAwait();
        Thread holder = new Thread(() -> {
            try {
                s.awaitLoaded();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "holder");
        Thread writer = new Thread(() -> {
            while (s.lock.getReadLockCount() == 0) Thread.onSpinWait();
            s.refresh();
        }, "writer");
        Thread loader = new Thread(() -> {
            while (!s.lock.hasQueuedThreads()) Thread.onSpinWait(); // the writer queues first: the bad moment
            s.load();
        }, "loader");
        for (Thread t : List.of(holder, writer, loader)) {
            t.setDaemon(true);
            t.start();
        }
        holder.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        if (holder.isAlive()) {
            System.out.println("hung: holder, loader and writer wait for each other");
            System.exit(2);
        }
        System.out.println("done");
    }
}
