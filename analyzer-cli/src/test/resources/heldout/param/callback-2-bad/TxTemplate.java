// Models: a Spring-style transaction template that runs a callback object while holding an exclusive lock.
package heldout.callback2;

import java.util.concurrent.locks.ReentrantLock;

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
}
