package lockcheck.samples.families;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** The fixed form of {@link KeyedGetterUpgrade}: the read lock is released before the member's write lock is taken. */
public class KeyedGetterReleased {
    private final Map<Long, ReentrantReadWriteLock> guards = new ConcurrentHashMap<>();
    private final Map<Long, String> data = new ConcurrentHashMap<>();

    private ReentrantReadWriteLock guard(long id) {
        return guards.computeIfAbsent(id, k -> new ReentrantReadWriteLock());
    }

    void evict(long id) {
        ReentrantReadWriteLock g = guard(id);
        g.writeLock().lock();
        try {
            data.remove(id);
        } finally {
            g.writeLock().unlock();
        }
    }

    public String peek(long id) {
        String s;
        guard(id).readLock().lock();
        try {
            s = data.get(id);
        } finally {
            guard(id).readLock().unlock();
        }
        if (s == null) {
            evict(id);
        }
        return s;
    }
}
