package acme;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Holds the read lock across a handoff that a reader on another thread must complete (LC001). */
public class Feed {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private String latest = "";

    public void publish(SynchronousQueue<String> out) throws InterruptedException {
        rw.readLock().lock();
        try {
            out.put(latest);
        } finally {
            rw.readLock().unlock();
        }
    }

    public String read() {
        rw.readLock().lock();
        try {
            return latest;
        } finally {
            rw.readLock().unlock();
        }
    }

    public void update(String s) {
        rw.writeLock().lock();
        try {
            latest = s;
        } finally {
            rw.writeLock().unlock();
        }
    }
}
