package lockcheck.samples.callbacks;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A Spring-style transaction tx: runs the caller's callback object while holding its lock.
 * Nothing in its name says "lock", so a caller's code reads like any other call.
 */
public class Transactions {
    public interface Unit<T> {
        T apply() throws Exception;
    }

    private final ReentrantLock txGate = new ReentrantLock();

    public <T> T within(Unit<T> callback) throws Exception {
        txGate.lock();
        try {
            return callback.apply();
        } finally {
            txGate.unlock();
        }
    }

    /** Keeps the callback for enqueue: it does not run under the lock. */
    public <T> void enqueue(Unit<T> callback, java.util.List<Unit<?>> queue) {
        txGate.lock();
        try {
            queue.add(callback);
        } finally {
            txGate.unlock();
        }
    }
}
