package lockcheck.samples.callbacks;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/** The fixed form of {@link GuardedCounter}: read under the read lock, then clamp under the write lock alone. */
public class GuardedCounterFixed {
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
        int seen = withRead(() -> count);
        if (seen < 0) {
            withWrite(() -> {
                if (count < 0) count = 0;
            });
        }
        return withRead(() -> count);
    }
}
