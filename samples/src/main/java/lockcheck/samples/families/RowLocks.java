package lockcheck.samples.families;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Per-key locks: one read-write lock per row, created on demand. They are one family; the same key
 * is the same lock. Bad: {@link #touch} asks for the write lock of the row whose read lock it holds
 * (LC002); {@link #swap} write-locks two rows in the order the caller gives (LC007).
 */
public class RowLocks {
    private final Map<String, ReentrantReadWriteLock> locks = new ConcurrentHashMap<>();
    private final Map<String, String> rows = new ConcurrentHashMap<>();

    public void touch(String key) {
        ReentrantReadWriteLock row = locks.computeIfAbsent(key, k -> new ReentrantReadWriteLock());
        row.readLock().lock();
        try {
            if (!rows.containsKey(key)) {
                locks.get(key).writeLock().lock(); // expect: LC002
                try {
                    rows.put(key, "");
                } finally {
                    locks.get(key).writeLock().unlock();
                }
            }
        } finally {
            row.readLock().unlock();
        }
    }

    public void swap(String a, String b) {
        locks.get(a).writeLock().lock();
        try {
            locks.get(b).writeLock().lock(); // expect: LC007
            try {
                String x = rows.get(a);
                rows.put(a, rows.get(b));
                rows.put(b, x);
            } finally {
                locks.get(b).writeLock().unlock();
            }
        } finally {
            locks.get(a).writeLock().unlock();
        }
    }
}
