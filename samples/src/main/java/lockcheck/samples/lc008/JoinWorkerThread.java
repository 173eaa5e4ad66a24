package lockcheck.samples.lc008;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A Thread subclass given its owner ({@code new Flusher(this)}) runs the owner's flush, which takes
 * the owner's lock; {@code drain()} starts it and joins it while holding that lock. The flusher
 * waits for the lock, the owner for the flusher. Which object's lock the thread takes comes from
 * its constructor: the field it keeps is the argument it was given.
 */
public class JoinWorkerThread {
    static final class Flusher extends Thread {
        private final JoinWorkerThread owner;

        Flusher(JoinWorkerThread owner) {
            super("flusher");
            this.owner = owner;
        }

        @Override
        public void run() {
            owner.flush();
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final List<String> pending = new ArrayList<>();

    /** Bad: holds the lock while waiting for a thread that needs it. */
    public void drain() throws InterruptedException {
        lock.lock();
        try {
            Thread f = new Flusher(this);
            f.start();
            f.join(); // expect: LC008
        } finally {
            lock.unlock();
        }
    }

    /** Fixed form: the thread is joined after the lock is released. */
    public void drainFixed() throws InterruptedException {
        Thread f;
        lock.lock();
        try {
            f = new Flusher(this);
            f.start();
        } finally {
            lock.unlock();
        }
        f.join();
    }

    /** Clean look-alike: the flusher works on another owner, whose lock this thread does not hold. */
    public void drainInto(JoinWorkerThread other) throws InterruptedException {
        lock.lock();
        try {
            Thread f = new Flusher(other);
            f.start();
            f.join();
        } finally {
            lock.unlock();
        }
    }

    void flush() {
        lock.lock();
        try {
            pending.clear();
        } finally {
            lock.unlock();
        }
    }
}
