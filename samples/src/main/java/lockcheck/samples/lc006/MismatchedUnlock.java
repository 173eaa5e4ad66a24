package lockcheck.samples.lc006;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/** Releases that do not match the acquisition: IllegalMonitorStateException, and the real hold leaks. */
public class MismatchedUnlock {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final StampedLock sl = new StampedLock();
    private final Map<String, String> map = new HashMap<>();
    private long hits;

    String get(String k) {
        rw.readLock().lock();
        try {
            return map.get(k);
        } finally {
            rw.writeLock().unlock(); // expect: LC006
        }
    }

    void put(String k, String v) {
        rw.writeLock().lock();
        try {
            map.put(k, v);
        } finally {
            rw.readLock().unlock(); // expect: LC006
        }
    }

    long count() {
        long stamp = sl.readLock();
        try {
            return hits;
        } finally {
            sl.unlockWrite(stamp); // expect: LC006
        }
    }

    /** Clean: the matching release, and unlock(stamp) which takes either kind. */
    long countRight() {
        long stamp = sl.readLock();
        try {
            return hits;
        } finally {
            sl.unlock(stamp);
        }
    }

    void hit() {
        long stamp = sl.writeLock();
        try {
            hits++;
        } finally {
            sl.unlockWrite(stamp);
        }
    }
}
