package lockcheck.samples.handles;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Bad: the read lock is taken through a handle, and the write lock through another handle of the
 * same read-write lock inside the first one's block: the thread waits for itself forever (LC002).
 * The second form returns an {@code AutoCloseable} lambda that releases what the method took.
 */
public class HandleUpgrade {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final LockHandle readHandle = new LockHandle(rw.readLock());
    private final LockHandle writeHandle = new LockHandle(rw.writeLock());
    private final Map<String, String> cache = new HashMap<>();

    public String getOrLoad(String key) {
        try (LockHandle r = readHandle.acquire()) {
            String v = cache.get(key);
            if (v == null) {
                try (LockHandle w = writeHandle.acquire()) { // expect: LC002
                    v = key.toUpperCase();
                    cache.put(key, v);
                }
            }
            return v;
        }
    }

    /** Unlocks what {@link #reading()} or {@link #writing()} locked. */
    public interface Unlock extends AutoCloseable {
        @Override
        void close();
    }

    private Unlock reading() {
        rw.readLock().lock();
        return () -> rw.readLock().unlock();
    }

    private Unlock writing() {
        rw.writeLock().lock();
        return () -> rw.writeLock().unlock();
    }

    public void evictIfLarge() {
        try (Unlock r = reading()) {
            if (cache.size() > 100) {
                try (Unlock w = writing()) { // expect: LC002
                    cache.clear();
                }
            }
        }
    }
}
