package lockcheck.samples.lc001;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import lockcheck.samples.Demo;

/**
 * The seed incident in Java. A producer streams a cache's keys to a consumer over a
 * SynchronousQueue while holding the cache's read lock; the consumer looks each key up, which takes
 * the same read lock. It works until a refresh asks for the write lock in between: the writer waits
 * for the producer's read, the consumer's first read waits behind the queued writer, and the
 * producer waits for the consumer. Run it: it hangs, and findDeadlockedThreads() sees nothing.
 */
public class SeedSynchronousQueue {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<String> keys = new ArrayList<>(List.of("a", "b", "c"));

    /** The producer: streams every key under the read lock. */
    void stream(SynchronousQueue<String> out) throws InterruptedException {
        lock.readLock().lock();
        try {
            for (String k : keys) {
                out.put(k); // expect: LC001
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The consumer's lookup: a first read lock on another thread. */
    boolean contains(String key) {
        lock.readLock().lock();
        try {
            return keys.contains(key);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The cache refresh: the writer that queues in between. */
    void refresh(List<String> fresh) {
        lock.writeLock().lock();
        try {
            keys.clear();
            keys.addAll(fresh);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        SeedSynchronousQueue cache = new SeedSynchronousQueue();
        SynchronousQueue<String> queue = new SynchronousQueue<>();
        CountDownLatch writerQueued = new CountDownLatch(1);
        Thread producer = Demo.start("producer", () -> Demo.unchecked(() -> cache.stream(queue)));
        Thread consumer = Demo.start("consumer", () -> Demo.unchecked(() -> {
            String first = queue.take();
            writerQueued.await();
            cache.contains(first);
            while (true) cache.contains(queue.take());
        }));
        Demo.await("producer holds the read lock", () -> cache.lock.getReadLockCount() > 0, 5000);
        Thread writer = Demo.start("refresh", () -> cache.refresh(List.of("x")));
        Demo.await("writer queued", () -> cache.lock.hasQueuedThread(writer), 5000);
        writerQueued.countDown();
        Demo.expectCompletion("seed: read lock across SynchronousQueue.put", 2000, producer, writer);
        consumer.interrupt();
    }
}
