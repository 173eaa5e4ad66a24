package lockcheck.samples.runtime;

import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Clean: the seed shape (read lock held across a handoff to a reader of the same lock), but the
 * lock is never write-acquired, so no writer can ever queue between the reads. Nothing to report.
 */
public final class CleanReadOnlyLock {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final SynchronousQueue<Integer> queue = new SynchronousQueue<>();
    private final List<Integer> items = List.of(1, 2, 3);

    void produce() throws InterruptedException {
        lock.readLock().lock();
        try {
            for (Integer item : items) {
                queue.put(item);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    int lookup(int item) {
        lock.readLock().lock();
        try {
            return item * 10;
        } finally {
            lock.readLock().unlock();
        }
    }

    public static void main(String[] args) throws Exception {
        CleanReadOnlyLock s = new CleanReadOnlyLock();
        Thread producer = new Thread(() -> {
            try {
                s.produce();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "producer");
        producer.start();
        for (int n = 0; n < s.items.size(); n++) {
            System.out.println("consumed " + s.lookup(s.queue.take()));
        }
        producer.join();
    }
}
