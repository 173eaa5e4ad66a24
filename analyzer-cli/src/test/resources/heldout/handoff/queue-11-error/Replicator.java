// Deadlock where the taker itself is lock-free but the only path reaching it holds the lock: the follower thread
// takes its first read hold on log, then calls drainOne(), which takes. With truncate() queued for the write lock,
// the follower parks in lock(), never takes, and ship()'s put (it holds log.read) never completes. The follower
// itself holds log.read across the take whose putter (ship) takes a first read hold: an error there too.
package heldout.handoff.queue11;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Replicator {
    private final ReentrantReadWriteLock log = new ReentrantReadWriteLock();
    private final List<String> entries = new ArrayList<>();
    private final SynchronousQueue<String> channel = new SynchronousQueue<>();
    private final List<String> applied = new ArrayList<>();

    public Replicator() {
        new Thread(this::follow, "follower").start();
    }

    public void ship(int from) throws InterruptedException {
        log.readLock().lock();
        try {
            for (int i = from; i < entries.size(); i++) {
                channel.put(entries.get(i)); // expect: LC001 error
            }
        } finally {
            log.readLock().unlock();
        }
    }

    private void follow() {
        while (!Thread.currentThread().isInterrupted()) {
            log.readLock().lock();
            try {
                drainOne(); // expect: LC001 error
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                log.readLock().unlock();
            }
        }
    }

    private void drainOne() throws InterruptedException {
        applied.add(channel.take());
    }

    public void truncate(int keep) {
        log.writeLock().lock();
        try {
            entries.subList(keep, entries.size()).clear();
        } finally {
            log.writeLock().unlock();
        }
    }
}
