package lockcheck.samples.helpers;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The shape of HDFS's FSNamesystemLock: {@code readLock()} and {@code writeLock()} go through one
 * {@code doLock(boolean isWrite)}; the constant each passes selects the lock it takes.
 */
public class NamespaceLock {
    private final ReentrantReadWriteLock coarseLock = new ReentrantReadWriteLock(true);
    private long lockedAt;

    public void readLock() {
        doLock(false);
    }

    public void writeLock() {
        doLock(true);
    }

    public void readUnlock() {
        coarseLock.readLock().unlock();
    }

    public void writeUnlock() {
        coarseLock.writeLock().unlock();
    }

    private void doLock(boolean isWrite) {
        long start = System.nanoTime();
        if (isWrite) {
            coarseLock.writeLock().lock();
        } else {
            coarseLock.readLock().lock();
        }
        lockedAt = System.nanoTime() - start;
    }
}
