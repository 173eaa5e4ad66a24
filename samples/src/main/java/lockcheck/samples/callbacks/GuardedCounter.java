package lockcheck.samples.callbacks;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Bad: the read lock is held by {@link #withRead}, which runs the caller's lambda; a lambda that
 * asks for the write lock through {@link #withWrite} waits for its own read lock (LC002, reported
 * inside the lambda). {@link #value} and {@link #reset} use each helper alone (clean).
 */
public class GuardedCounter {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private int count;

    private <T> T withRead(Supplier<T> body) {
        rw.readLock().lock();
        try {
            return body.get();
        } finally {
            rw.readLock().unlock();
        }
    }

    private void withWrite(Runnable body) {
        rw.writeLock().lock();
        try {
            body.run();
        } finally {
            rw.writeLock().unlock();
        }
    }

    public int clampAndGet() {
        return withRead(() -> {
            if (count < 0) {
                withWrite(() -> count = 0); // expect: LC002
            }
            return count;
        });
    }

    public int value() {
        return withRead(() -> count);
    }

    public void reset() {
        withWrite(() -> count = 0);
    }
}
