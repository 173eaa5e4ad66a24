package lockcheck.samples.lc001;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import lockcheck.samples.Demo;

/**
 * The seed incident, executor shape: an export task on a pool holds the index's read lock while it
 * publishes into a bounded queue; the consumer looks every item up in the same index. A re-index
 * that queues for the write lock between them freezes all three. The read and write views are
 * held in fields; the blocking put sits in a private helper.
 */
public class SeedExecutorBoundedQueue {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final Lock readLock = rw.readLock();
    private final Lock writeLock = rw.writeLock();
    private final List<String> index = new ArrayList<>(List.of("alpha", "beta", "gamma"));
    private final BlockingQueue<String> results = new ArrayBlockingQueue<>(1);

    void exportAll(ExecutorService pool) {
        pool.execute(() -> {
            readLock.lock();
            try {
                for (String k : index) {
                    publish(k); // expect: LC001
                }
            } finally {
                readLock.unlock();
            }
        });
    }

    private void publish(String item) {
        try {
            results.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int rank(String item) {
        readLock.lock();
        try {
            return index.indexOf(item);
        } finally {
            readLock.unlock();
        }
    }

    void reindex() {
        writeLock.lock();
        try {
            index.sort(null);
        } finally {
            writeLock.unlock();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        SeedExecutorBoundedQueue svc = new SeedExecutorBoundedQueue();
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "export");
            t.setDaemon(true);
            return t;
        });
        svc.exportAll(pool);
        Demo.await("export task holds the read lock with the queue full",
                () -> svc.rw.getReadLockCount() > 0 && svc.results.remainingCapacity() == 0, 5000);
        Thread writer = Demo.start("reindex", svc::reindex);
        Demo.await("writer queued", () -> svc.rw.hasQueuedThread(writer), 5000);
        Thread consumer = Demo.start("consumer", () -> Demo.unchecked(() -> {
            while (true) svc.rank(svc.results.take());
        }));
        Demo.expectCompletion("seed: executor task holds read lock across bounded put", 2000, writer, consumer);
    }
}
