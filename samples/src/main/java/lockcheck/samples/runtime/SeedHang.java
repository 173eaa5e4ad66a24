package lockcheck.samples.runtime;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The seed hang, made deterministic. The producer holds the read lock while it hands items over a
 * SynchronousQueue; the consumer takes the first item; a writer queues for the write lock (it waits
 * for the producer's read lock); only then does the consumer read-lock to process the item, and a
 * new reader parks behind a queued writer. Producer waits for consumer, consumer for writer, writer
 * for producer. jstack and ThreadMXBean see nothing: read locks have no owner.
 * <p>
 * Without the agent the program gives up after {@link #TIMEOUT_SECONDS} and exits with status 2;
 * under {@code -javaagent:lockcheck-agent.jar=onDeadlock=exit} it is stopped with status 86 (LC201).
 */
public final class SeedHang {
    static final int TIMEOUT_SECONDS = 20;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final SynchronousQueue<Integer> queue = new SynchronousQueue<>();
    private final List<Integer> items = List.of(1, 2, 3);
    private int version;

    /** The bug: the read lock is held across the handoff. */
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
        SeedHang s = new SeedHang();
        CountDownLatch firstTaken = new CountDownLatch(1);
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
                    int item = s.queue.take();
                    firstTaken.countDown();
                    while (!s.lock.hasQueuedThreads()) {
                        Thread.sleep(1); // the writer must be queued before this thread reads: the bad moment
                    }
                    System.out.println("consumed " + s.lookup(item));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "consumer");
        Thread writer = new Thread(() -> {
            try {
                firstTaken.await();
                s.refresh();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "writer");
        for (Thread t : List.of(producer, consumer, writer)) {
            t.setDaemon(true);
            t.start();
        }
        consumer.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        if (consumer.isAlive()) {
            long[] jvm = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
            System.out.println("hung: producer, consumer and writer wait for each other; the JVM's detector found "
                    + (jvm == null ? "nothing" : jvm.length + " threads"));
            System.exit(2);
        }
        System.out.println("done");
    }
}
