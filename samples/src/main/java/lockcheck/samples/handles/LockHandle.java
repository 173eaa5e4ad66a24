package lockcheck.samples.handles;

import java.util.concurrent.locks.Lock;

/**
 * A lock handle as real code writes one: the constructor keeps the lock, {@link #acquire()}
 * locks it and hands itself back, {@link #close()} unlocks it, so callers write
 * {@code try (LockHandle h = readHandle.acquire()) { ... }}.
 */
public final class LockHandle implements AutoCloseable {
    private final Lock lock;

    public LockHandle(Lock lock) {
        this.lock = lock;
    }

    public LockHandle acquire() {
        lock.lock();
        return this;
    }

    @Override
    public void close() {
        lock.unlock();
    }
}
