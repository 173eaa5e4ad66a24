package lockcheck.samples.lc004;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The fixed form of {@link NestedReads}: public methods lock, private helpers assume the lock.
 * Also clean: a read acquired while holding the write lock (a downgrade in progress).
 */
public class SplitLockedHelpers {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<String> items = new ArrayList<>();
    private final int capacity = 10;

    public int size() {
        lock.readLock().lock();
        try {
            return sizeLocked();
        } finally {
            lock.readLock().unlock();
        }
    }

    public boolean isFull() {
        lock.readLock().lock();
        try {
            return sizeLocked() >= capacity;
        } finally {
            lock.readLock().unlock();
        }
    }

    private int sizeLocked() {
        return items.size();
    }

    public int addAndCount(String s) {
        lock.writeLock().lock();
        try {
            items.add(s);
            lock.readLock().lock();
        } finally {
            lock.writeLock().unlock();
        }
        try {
            return sizeLocked();
        } finally {
            lock.readLock().unlock();
        }
    }
}
