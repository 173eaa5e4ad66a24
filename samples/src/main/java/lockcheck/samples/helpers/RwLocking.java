package lockcheck.samples.helpers;

import java.util.concurrent.locks.ReadWriteLock;

/** Static helpers taking a ReadWriteLock and locking one of its views (used by {@link Gauges}, {@link GaugesFixed}). */
final class RwLocking {
    private RwLocking() {
    }

    static void acquireRead(ReadWriteLock l) {
        l.readLock().lock();
    }

    static void releaseRead(ReadWriteLock l) {
        l.readLock().unlock();
    }

    static void acquireWrite(ReadWriteLock l) {
        l.writeLock().lock();
    }

    static void releaseWrite(ReadWriteLock l) {
        l.writeLock().unlock();
    }
}
