package lockcheck.samples.lc001;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import lockcheck.samples.Demo;

/**
 * The seed incident, Future shape: describe() holds the read lock while it waits for a pool task
 * that takes the same read lock. A writer queued in between blocks the task's first read, the
 * writer waits for describe()'s read, and describe() waits for the task.
 */
public class SeedFutureGet {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final List<String> items = new ArrayList<>(List.of("x", "y"));
    private String name = "inventory";

    String describe(ExecutorService pool) throws InterruptedException, ExecutionException {
        rw.readLock().lock();
        try {
            Future<Integer> size = pool.submit(this::size);
            return name + ":" + size.get(); // expect: LC001
        } finally {
            rw.readLock().unlock();
        }
    }

    int size() {
        rw.readLock().lock();
        try {
            return items.size();
        } finally {
            rw.readLock().unlock();
        }
    }

    void rename(String n) {
        rw.writeLock().lock();
        try {
            name = n;
        } finally {
            rw.writeLock().unlock();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        SeedFutureGet inv = new SeedFutureGet();
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pool");
            t.setDaemon(true);
            return t;
        });
        CountDownLatch poolBusy = new CountDownLatch(1);
        pool.execute(() -> Demo.unchecked(poolBusy::await));
        Thread caller = Demo.start("describe", () -> {
            try {
                inv.describe(pool);
            } catch (InterruptedException | ExecutionException e) {
                Thread.currentThread().interrupt();
            }
        });
        Demo.await("caller holds the read lock", () -> inv.rw.getReadLockCount() > 0, 5000);
        Thread writer = Demo.start("rename", () -> inv.rename("stock"));
        Demo.await("writer queued", () -> inv.rw.hasQueuedThread(writer), 5000);
        poolBusy.countDown();
        Demo.expectCompletion("seed: read lock held across Future.get of a task that reads it", 2000, caller, writer);
    }
}
