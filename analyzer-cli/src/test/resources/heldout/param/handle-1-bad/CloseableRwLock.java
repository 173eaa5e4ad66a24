// Models: an in-source try-with-resources lock handle (FsDatasetImpl style) whose read side is held across Future.get of a task that takes the write side.
package heldout.handle1;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** A read-write lock whose two sides are taken as {@code try (CloseableRwLock.Held h = lock.read())}. */
final class CloseableRwLock {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock(true);
    private final Held read = new Held(rw.readLock());
    private final Held write = new Held(rw.writeLock());

    Held read() {
        return read.acquire();
    }

    Held write() {
        return write.acquire();
    }

    static final class Held implements AutoCloseable {
        private final Lock lock;

        Held(Lock lock) {
            this.lock = lock;
        }

        Held acquire() {
            lock.lock();
            return this;
        }

        @Override
        public void close() {
            lock.unlock();
        }
    }
}
