package lockcheck.samples.lc001;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import lockcheck.samples.Demo;

/**
 * The fixed form of {@link SeedSynchronousQueue}: the producer copies the keys under the read lock,
 * releases it, then streams the snapshot. The same schedule completes. No finding.
 */
public class SeedSynchronousQueueFixed {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<String> keys = new ArrayList<>(List.of("a", "b", "c"));

    void stream(SynchronousQueue<String> out) throws InterruptedException {
        List<String> snapshot;
        lock.readLock().lock();
        try {
            snapshot = List.copyOf(keys);
        } finally {
            lock.readLock().unlock();
        }
        for (String k : snapshot) {
            out.put(k);
        }
    }

    boolean contains(String key) {
        lock.readLock().lock();
        try {
            return keys.contains(key);
        } finally {
            lock.readLock().unlock();
        }
    }

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
        SeedSynchronousQueueFixed cache = new SeedSynchronousQueueFixed();
        SynchronousQueue<String> queue = new SynchronousQueue<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread producer = Demo.start("producer", () -> Demo.unchecked(() -> {
            started.countDown();
            cache.stream(queue);
        }));
        Thread consumer = Demo.start("consumer", () -> Demo.unchecked(() -> {
            for (int i = 0; i < 3; i++) cache.contains(queue.take());
        }));
        started.await();
        Thread writer = Demo.start("refresh", () -> cache.refresh(List.of("x")));
        Demo.expectCompletion("fixed: snapshot under the read lock, handoff after release", 5000, producer, consumer, writer);
    }
}
