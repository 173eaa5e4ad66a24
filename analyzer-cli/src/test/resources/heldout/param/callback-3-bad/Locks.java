// Models: a static inLock(lock, action) utility taking a checked-exception functional interface.
package heldout.callback3;

import java.util.concurrent.locks.Lock;

public final class Locks {
    @FunctionalInterface
    public interface LockedAction<E extends Exception> {
        void run() throws E;
    }

    private Locks() {
    }

    public static <E extends Exception> void inLock(Lock lock, LockedAction<E> action) throws E {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }
}
