package lockcheck.samples.runtime;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A read lock held across {@code CompletableFuture.supplyAsync(...).join()} whose task needs the
 * same read lock, while a writer is queued: the holder waits for the task, the task (a new reader)
 * parks behind the queued writer, the writer waits for the holder's read lock. Nothing moves, and
 * the JVM's detector sees nothing (read locks have no owner, a join waits on no lock). The agent
 * knows the thread running the task (it instruments the JDK's async task class) and reports LC201.
 * <p>
 * Without the agent the program gives up after {@link #TIMEOUT_SECONDS} and exits with status 2.
 */
public final class ReadLockAcrossJoin {
    static final int TIMEOUT_SECONDS = 20;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private int version;

    int total() {
        lock.readLock().lock();
        try {
            CompletableFuture<Integer> f = CompletableFuture.supplyAsync(this::lookup);
            return f.join() + version; // expect: LC001
        } finally {
            lock.readLock().unlock();
        }
    }

    int lookup() {
        try {
            while (!lock.hasQueuedThreads()) {
                Thread.sleep(1); // the writer must queue before the task reads: the bad moment
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.readLock().lock();
        try {
            return version;
        } finally {
            lock.readLock().unlock();
        }
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
        ReadLockAcrossJoin s = new ReadLockAcrossJoin();
        Thread holder = new Thread(() -> System.out.println("total " + s.total()), "holder");
        Thread writer = new Thread(() -> {
            while (s.lock.getReadLockCount() == 0) Thread.onSpinWait();
            s.refresh();
        }, "writer");
        for (Thread t : List.of(holder, writer)) {
            t.setDaemon(true);
            t.start();
        }
        holder.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        if (holder.isAlive()) {
            System.out.println("hung: holder, task and writer wait for each other");
            System.exit(2);
        }
        System.out.println("done");
    }
}
