package lockcheck.samples.families;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Bad: per-key locks reached through a private getter. {@code guard(id)} is the member keyed by
 * the caller's argument; {@code peek} holds {@code guard(id)}'s read lock and calls {@code evict(id)},
 * which takes the same member's write lock: a read-to-write upgrade (LC002).
 */
public class KeyedGetterUpgrade {
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
        guard(id).readLock().lock();
        try {
            String s = data.get(id);
            if (s == null) {
                evict(id); // expect: LC002
            }
            return s;
        } finally {
            guard(id).readLock().unlock();
        }
    }
}
