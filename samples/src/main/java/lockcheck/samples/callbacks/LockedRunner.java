package lockcheck.samples.callbacks;

import java.util.concurrent.locks.Lock;

/** A static helper running an action of the sources' own functional interface under a lock (used by {@link Outbox}, {@link OutboxFixed}). */
final class LockedRunner {
    /** A checked-exception action: not a JDK functional interface. */
    @FunctionalInterface
    interface LockedAction<E extends Exception> {
        void run() throws E;
    }

    private LockedRunner() {
    }

    static <E extends Exception> void inLock(Lock lock, LockedAction<E> action) throws E {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }
}
