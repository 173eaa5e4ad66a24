package lockcheck.samples.callbacks;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A Spring-style transaction template: runs the caller's callback object while holding its lock.
 * Nothing in its name says "lock", so a caller's code reads like any other call.
 */
public class TxTemplate {
    public interface TxCallback<T> {
        T doInTx() throws Exception;
    }

    private final ReentrantLock txLock = new ReentrantLock();

    public <T> T execute(TxCallback<T> callback) throws Exception {
        txLock.lock();
        try {
            return callback.doInTx();
        } finally {
            txLock.unlock();
        }
    }

    /** Keeps the callback for later: it does not run under the lock. */
    public <T> void later(TxCallback<T> callback, java.util.List<TxCallback<?>> queue) {
        txLock.lock();
        try {
            queue.add(callback);
        } finally {
            txLock.unlock();
        }
    }
}
