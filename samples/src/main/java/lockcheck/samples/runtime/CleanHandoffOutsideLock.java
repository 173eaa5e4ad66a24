package lockcheck.samples.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Clean: the fixed form of the seed hang. The producer copies under the read lock and hands off
 * after releasing it; the consumer reads the lock for every item and a writer refreshes meanwhile.
 * Nothing to report.
 */
public final class CleanHandoffOutsideLock {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final SynchronousQueue<Integer> queue = new SynchronousQueue<>();
    private final List<Integer> items = new ArrayList<>(List.of(1, 2, 3, 4, 5));
    private int version;

    void produce() throws InterruptedException {
        List<Integer> snapshot;
        lock.readLock().lock();
        try {
            snapshot = List.copyOf(items);
        } finally {
            lock.readLock().unlock();
        }
        for (Integer item : snapshot) {
            queue.put(item);
        }
    }

    int lookup(int item) {
        lock.readLock().lock();
        try {
            return item * 10 + version;
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
        CleanHandoffOutsideLock s = new CleanHandoffOutsideLock();
        Thread producer = new Thread(() -> {
            try {
                s.produce();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "producer");
        Thread writer = new Thread(() -> {
            for (int n = 0; n < 100; n++) s.refresh();
        }, "writer");
        producer.start();
        writer.start();
        for (int n = 0; n < s.items.size(); n++) {
            System.out.println("consumed " + s.lookup(s.queue.take()));
        }
        producer.join();
        writer.join();
    }
}
