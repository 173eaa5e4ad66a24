package lockcheck.samples.families;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The fixed form of {@link RowLocks}: the read lock is released before the write lock is taken,
 * and two rows are locked in key order. Also clean: two read locks of the family nested (no
 * writer can come between them on this path), and one row locked twice under one key variable.
 */
public class RowLocksOrdered {
    private final Map<String, ReentrantReadWriteLock> locks = new ConcurrentHashMap<>();
    private final Map<String, String> rows = new ConcurrentHashMap<>();

    public void touch(String key) {
        ReentrantReadWriteLock row = locks.computeIfAbsent(key, k -> new ReentrantReadWriteLock());
        row.readLock().lock();
        try {
            if (rows.containsKey(key)) return;
        } finally {
            row.readLock().unlock();
        }
        row.writeLock().lock();
        try {
            rows.putIfAbsent(key, "");
        } finally {
            row.writeLock().unlock();
        }
    }

    public void swap(String a, String b) {
        String first = a.compareTo(b) <= 0 ? a : b;
        String second = first.equals(a) ? b : a;
        locks.get(first).writeLock().lock();
        try {
            locks.get(second).writeLock().lock();
            try {
                String x = rows.get(a);
                rows.put(a, rows.get(b));
                rows.put(b, x);
            } finally {
                locks.get(second).writeLock().unlock();
            }
        } finally {
            locks.get(first).writeLock().unlock();
        }
    }

    public String both(String a, String b) {
        locks.get(a).readLock().lock();
        try {
            locks.get(b).readLock().lock();
            try {
                return rows.get(a) + rows.get(b);
            } finally {
                locks.get(b).readLock().unlock();
            }
        } finally {
            locks.get(a).readLock().unlock();
        }
    }
}
