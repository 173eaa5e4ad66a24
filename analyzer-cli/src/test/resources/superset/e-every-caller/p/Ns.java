package p;

import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Ns {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();

    public void writeLock() {
        rw.writeLock().lock();
    }

    public void writeUnlock() {
        rw.writeLock().unlock();
    }

    // every caller of provision() holds rw on entry (Boot.boot through ActiveState and Starter,
    // enterSafeMode itself): its read lock is a re-entry, and the two orders are one
    public synchronized void provision() {
        rw.readLock().lock();
        try {
            list();
        } finally {
            rw.readLock().unlock();
        }
    }

    public void enterSafeMode() {
        rw.writeLock().lock();
        try {
            provision();
        } finally {
            rw.writeLock().unlock();
        }
    }

    private void list() {
    }
}
