package lockcheck.samples.runtime;

import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The seed program on a lucky day: the writer only comes after the stream, so nothing hangs. The
 * bug is the same (the consumer read-locks while the producer holds the read lock across the
 * handoff), and a writer arriving just before one of the consumer's reads would hang all three:
 * the agent reports LC202 from this run although it ended normally.
 */
public final class SeedNoHang {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final SynchronousQueue<Integer> queue = new SynchronousQueue<>();
    private final List<Integer> items = List.of(1, 2, 3);
    private int version;

    void produce() throws InterruptedException {
        lock.readLock().lock();
        try {
            for (Integer item : items) {
                queue.put(item + version); // expect: LC001
            }
        } finally {
            lock.readLock().unlock();
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
        SeedNoHang s = new SeedNoHang();
        Thread producer = new Thread(() -> {
            try {
                s.produce();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "producer");
        Thread consumer = new Thread(() -> {
            try {
                for (int n = 0; n < s.items.size(); n++) {
                    System.out.println("consumed " + s.lookup(s.queue.take()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "consumer");
        producer.start();
        consumer.start();
        producer.join();
        consumer.join();
        s.refresh();
        System.out.println("done, version " + s.version);
    }
}
