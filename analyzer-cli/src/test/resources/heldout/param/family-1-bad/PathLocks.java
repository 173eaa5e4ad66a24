// Models: per-path read-write locks made on demand with computeIfAbsent; one path's read lock is held while a helper takes the same path's write lock.
package heldout.family1;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class PathLocks {
    private final ConcurrentMap<String, ReentrantReadWriteLock> locks = new ConcurrentHashMap<>();
    private final Map<String, byte[]> contents = new HashMap<>();

    private ReentrantReadWriteLock lockFor(String path) {
        return locks.computeIfAbsent(path, p -> new ReentrantReadWriteLock());
    }

    public byte[] readOrTruncate(String path, int maxSize) {
        lockFor(path).readLock().lock();
        try {
            byte[] data = contents.get(path);
            if (data != null && data.length > maxSize) {
                truncate(path, maxSize); // expect: LC002
                data = contents.get(path);
            }
            return data;
        } finally {
            lockFor(path).readLock().unlock();
        }
    }

    void truncate(String path, int size) {
        ReentrantReadWriteLock l = lockFor(path);
        l.writeLock().lock();
        try {
            contents.computeIfPresent(path, (p, d) -> java.util.Arrays.copyOf(d, size));
        } finally {
            l.writeLock().unlock();
        }
    }
}
