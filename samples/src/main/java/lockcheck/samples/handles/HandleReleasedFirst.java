package lockcheck.samples.handles;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The fixed form of {@link HandleUpgrade}: the read handle's block ends (and closes it) before
 * the write handle is taken, and the value is checked again under the write lock.
 */
public class HandleReleasedFirst {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final LockHandle readHandle = new LockHandle(rw.readLock());
    private final LockHandle writeHandle = new LockHandle(rw.writeLock());
    private final Map<String, String> cache = new HashMap<>();

    public String getOrLoad(String key) {
        try (LockHandle r = readHandle.acquire()) {
            String v = cache.get(key);
            if (v != null) return v;
        }
        try (LockHandle w = writeHandle.acquire()) {
            return cache.computeIfAbsent(key, String::toUpperCase);
        }
    }
}
