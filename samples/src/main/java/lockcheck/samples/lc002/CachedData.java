package lockcheck.samples.lc002;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Clean look-alike: the ReentrantReadWriteLock javadoc's CachedData. The read lock is released
 * before the write lock is taken (no upgrade), and the write lock is downgraded to a read lock
 * before it is released (legal). No finding of any rule.
 */
public class CachedData {
    private final ReentrantReadWriteLock rwl = new ReentrantReadWriteLock();
    private Object data;
    private volatile boolean cacheValid;

    void processCachedData() {
        rwl.readLock().lock();
        if (!cacheValid) {
            // Must release read lock before acquiring write lock
            rwl.readLock().unlock();
            rwl.writeLock().lock();
            try {
                // Recheck state because another thread might have acquired write lock and changed state before we did.
                if (!cacheValid) {
                    data = "loaded";
                    cacheValid = true;
                }
                // Downgrade by acquiring read lock before releasing write lock
                rwl.readLock().lock();
            } finally {
                rwl.writeLock().unlock(); // Unlock write, still hold read
            }
        }
        try {
            use(data);
        } finally {
            rwl.readLock().unlock();
        }
    }

    private void use(Object o) {
        if (o == null) throw new IllegalStateException("no data");
    }
}
