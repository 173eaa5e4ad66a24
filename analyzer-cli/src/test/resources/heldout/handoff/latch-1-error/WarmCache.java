// Deadlock with no third thread: get() holds lock.read and awaits the ready latch; the only countDown is in warm(),
// run by the warmer thread started in start(), which first calls preload() and asks for lock.write. The write waits
// for get's read hold, get waits for the countDown that comes after the write.
package heldout.handoff.latch1;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class WarmCache {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, String> entries = new HashMap<>();
    private final CountDownLatch ready = new CountDownLatch(1);

    public void start() {
        new Thread(this::warm, "warmer").start();
    }

    private void warm() {
        preload();
        ready.countDown();
    }

    private void preload() {
        lock.writeLock().lock();
        try {
            for (int i = 0; i < 100; i++) {
                entries.put("k" + i, "v" + i);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    public String get(String key) throws InterruptedException {
        lock.readLock().lock();
        try {
            ready.await(); // expect: LC001 error
            return entries.get(key);
        } finally {
            lock.readLock().unlock();
        }
    }
}
