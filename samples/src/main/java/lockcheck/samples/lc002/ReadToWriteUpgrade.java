package lockcheck.samples.lc002;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import lockcheck.samples.Demo;

/**
 * Read → write upgrade: the thread waits for its own read hold, forever, and the JVM deadlock
 * detector says nothing. Directly, through a helper, and as a tryLock spin.
 */
public class ReadToWriteUpgrade {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final Map<String, String> cache = new HashMap<>();

    String get(String k) {
        rw.readLock().lock();
        try {
            String v = cache.get(k);
            if (v == null) {
                rw.writeLock().lock(); // expect: LC002
                try {
                    v = k.toUpperCase();
                    cache.put(k, v);
                } finally {
                    rw.writeLock().unlock();
                }
            }
            return v;
        } finally {
            rw.readLock().unlock();
        }
    }

    String getThroughHelper(String k) {
        Lock r = rw.readLock();
        r.lock();
        try {
            if (!cache.containsKey(k)) {
                store(k, k.toUpperCase()); // expect: LC002
            }
            return cache.get(k);
        } finally {
            r.unlock();
        }
    }

    private void store(String k, String v) {
        rw.writeLock().lock();
        try {
            cache.put(k, v);
        } finally {
            rw.writeLock().unlock();
        }
    }

    void spinToWrite(String k) {
        rw.readLock().lock();
        try {
            while (!rw.writeLock().tryLock()) { // expect: LC002 LC101
                Thread.onSpinWait();
            }
            try {
                cache.remove(k);
            } finally {
                rw.writeLock().unlock();
            }
        } finally {
            rw.readLock().unlock();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        ReadToWriteUpgrade c = new ReadToWriteUpgrade();
        Thread t = Demo.start("upgrader", () -> c.get("key"));
        Demo.expectCompletion("read-to-write upgrade", 2000, t);
    }
}
