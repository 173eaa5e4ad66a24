package lockcheck.samples.lc002;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** The fixed form of {@link ReadToWriteUpgrade#get}: read, release, then write and re-check. */
public class ReleaseThenWrite {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final Map<String, String> cache = new HashMap<>();

    String get(String k) {
        rw.readLock().lock();
        try {
            String v = cache.get(k);
            if (v != null) return v;
        } finally {
            rw.readLock().unlock();
        }
        rw.writeLock().lock();
        try {
            return cache.computeIfAbsent(k, String::toUpperCase);
        } finally {
            rw.writeLock().unlock();
        }
    }

    /** A write lock taken while holding the write lock is reentrant: fine. */
    void putTwice(String k) {
        rw.writeLock().lock();
        try {
            rw.writeLock().lock();
            try {
                cache.put(k, k);
            } finally {
                rw.writeLock().unlock();
            }
        } finally {
            rw.writeLock().unlock();
        }
    }
}
