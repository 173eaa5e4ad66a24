// Models: a read stamp kept in a wrapper object and released by its close(), a different method from the one that took it.
package heldout.stamped2;

import java.util.concurrent.locks.StampedLock;

final class Snapshot implements AutoCloseable {
    private final StampedLock lock;
    private final long stamp;

    private Snapshot(StampedLock lock, long stamp) {
        this.lock = lock;
        this.stamp = stamp;
    }

    static Snapshot open(StampedLock lock) {
        return new Snapshot(lock, lock.readLock());
    }

    @Override
    public void close() {
        lock.unlockRead(stamp);
    }
}
