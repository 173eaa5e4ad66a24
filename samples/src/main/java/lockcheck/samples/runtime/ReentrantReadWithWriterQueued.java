package lockcheck.samples.runtime;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Runtime-clean: a thread holding the read lock takes it again while a writer is queued. Java lets
 * a reentrant read bypass the queue, so nothing hangs and the agent reports nothing. The static
 * checker still warns (LC004): the same code deadlocks the day the inner read moves to another
 * thread.
 */
public final class ReentrantReadWithWriterQueued {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private int value;

    int outer() throws InterruptedException {
        lock.readLock().lock();
        try {
            while (!lock.hasQueuedThreads()) {
                Thread.sleep(1); // until the writer is queued
            }
            return inner() + 1; // expect: LC004
        } finally {
            lock.readLock().unlock();
        }
    }

    private int inner() {
        lock.readLock().lock();
        try {
            return value;
        } finally {
            lock.readLock().unlock();
        }
    }

    void write(int v) {
        lock.writeLock().lock();
        try {
            value = v;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public static void main(String[] args) throws Exception {
        ReentrantReadWithWriterQueued s = new ReentrantReadWithWriterQueued();
        Thread reader = new Thread(() -> {
            try {
                System.out.println("read " + s.outer());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "reader");
        reader.start();
        Thread.sleep(100);
        Thread writer = new Thread(() -> s.write(7), "writer");
        writer.start();
        reader.join();
        writer.join();
        System.out.println("value " + s.value);
    }
}
