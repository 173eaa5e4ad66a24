// Models: per-path locks (computeIfAbsent) used correctly: the read lock is released before the same path's write lock is taken.
package heldout.family4;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class PathLocks {
    private final ConcurrentHashMap<String, ReentrantReadWriteLock> locks = new ConcurrentHashMap<>();
    private final Map<String, byte[]> contents = new HashMap<>();

    private ReentrantReadWriteLock lockFor(String path) {
        return locks.computeIfAbsent(path, p -> new ReentrantReadWriteLock());
    }

    public byte[] readOrTruncate(String path, int maxSize) {
        byte[] data;
        ReentrantReadWriteLock l = lockFor(path);
        l.readLock().lock();
        try {
            data = contents.get(path);
        } finally {
            l.readLock().unlock();
        }
        if (data != null && data.length > maxSize) {
            truncate(path, maxSize);
        }
        return data;
    }

    void truncate(String path, int size) {
        ReentrantReadWriteLock l = lockFor(path);
        l.writeLock().lock();
        try {
            byte[] d = contents.get(path);
            if (d != null && d.length > size) {
                contents.put(path, java.util.Arrays.copyOf(d, size));
                l.readLock().lock();
                try {
                    System.out.println("truncated " + path + " to " + contents.get(path).length);
                } finally {
                    l.readLock().unlock();
                }
            }
        } finally {
            l.writeLock().unlock();
        }
    }
}
