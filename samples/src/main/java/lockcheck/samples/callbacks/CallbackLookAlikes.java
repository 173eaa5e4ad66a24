package lockcheck.samples.callbacks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Clean look-alikes of {@link GuardedCounter}: a helper that stores the callback for later (it does
 * not run it under its lock), and a write-locked lambda that reads (a downgrade, legal).
 */
public class CallbackLookAlikes {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final List<Runnable> pending = new ArrayList<>();
    private int count;

    private void withReadLater(Runnable body) {
        rw.readLock().lock();
        try {
            pending.add(body);
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

    public void later() {
        withReadLater(() -> withWrite(() -> count++));
    }

    public void downgrade() {
        withWrite(() -> {
            rw.readLock().lock();
            try {
                count++;
            } finally {
                rw.readLock().unlock();
            }
        });
    }
}
