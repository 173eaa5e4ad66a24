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

    /** The handoff's taker: reads under the same lock after each take, so LC001 is an error. */
    public static void demo(Feed feed) throws InterruptedException {
        SynchronousQueue<String> q = new SynchronousQueue<>();
        new Thread(() -> {
            try {
                q.take();
                feed.read();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).start();
        feed.publish(q);
    }
}
