// Clean look-alike of latch-1: the warmer builds its defaults lock-free (a local map published through a volatile
// field) and counts down; put() writes the lock but the warmer never takes it, so a queued writer cannot hold up
// the countDown, and get()'s await always ends. The only countDown is private, run by a thread started here.
package heldout.handoff.latch2;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class WarmCache {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, String> entries = new HashMap<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile Map<String, String> defaults = Map.of();

    public void start() {
        new Thread(this::warm, "warmer").start();
    }

    private void warm() {
        Map<String, String> d = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            d.put("k" + i, "v" + i);
        }
        defaults = d;
        ready.countDown();
    }

    public String get(String key) throws InterruptedException {
        lock.readLock().lock();
        try {
            ready.await();
            return entries.getOrDefault(key, defaults.get(key));
        } finally {
            lock.readLock().unlock();
        }
    }

    public void put(String key, String value) {
        lock.writeLock().lock();
        try {
            entries.put(key, value);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
