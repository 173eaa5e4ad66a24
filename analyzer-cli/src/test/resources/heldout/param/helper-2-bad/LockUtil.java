// Models: static lock helpers in a utility class (another file) that take a ReadWriteLock parameter.
package heldout.helper2;

import java.util.concurrent.locks.ReadWriteLock;

final class LockUtil {
    private LockUtil() {
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
