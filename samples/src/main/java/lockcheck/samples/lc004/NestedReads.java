package lockcheck.samples.lc004;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Nested read acquisitions of one ReentrantReadWriteLock: legal on one thread, and one refactoring
 * (the inner call moved to a consumer thread or a pool task) away from the seed deadlock.
 */
public class NestedReads {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<String> items = new ArrayList<>();
    private final int capacity = 10;

    public int size() {
        lock.readLock().lock();
        try {
            return items.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    public boolean isFull() {
        lock.readLock().lock();
        try {
            return size() >= capacity; // expect: LC004
        } finally {
            lock.readLock().unlock();
        }
    }

    public int twice() {
        lock.readLock().lock();
        try {
            lock.readLock().lock(); // expect: LC004
            try {
                return items.size() * 2;
            } finally {
                lock.readLock().unlock();
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    public void add(String s) {
        lock.writeLock().lock();
        try {
            items.add(s);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
