// Models: a state store that fires its single listener field under the read lock; the listener waits for a worker that reads the store.
package heldout.listener2;

import java.util.concurrent.locks.ReentrantReadWriteLock;

public class StateStore {
    public interface StateListener {
        void stateChanged(String state) throws InterruptedException;
    }

    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private volatile StateListener listener;
    private String state = "INIT";

    public void setListener(StateListener listener) {
        this.listener = listener;
    }

    public void publish() throws InterruptedException {
        rw.readLock().lock();
        try {
            listener.stateChanged(state); // expect: LC001
        } finally {
            rw.readLock().unlock();
        }
    }

    public String current() {
        rw.readLock().lock();
        try {
            return state;
        } finally {
            rw.readLock().unlock();
        }
    }

    public void transition(String next) {
        rw.writeLock().lock();
        try {
            state = next;
        } finally {
            rw.writeLock().unlock();
        }
    }
}
