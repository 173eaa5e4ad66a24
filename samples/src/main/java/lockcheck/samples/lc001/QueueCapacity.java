package lockcheck.samples.lc001;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * put() waits only for room: into a bounded queue under a read lock it is a handoff (LC001); into
 * an unbounded LinkedBlockingQueue or a PriorityBlockingQueue it never waits, so it is clean.
 * (Found on ZooKeeper's LearnerHandler, which puts into an unbounded queue under a read lock.)
 */
public class QueueCapacity {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final BlockingQueue<String> bounded = new LinkedBlockingQueue<>(8);
    private final LinkedBlockingQueue<String> unbounded = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> copied = new LinkedBlockingQueue<>(List.of("seed"));
    private final PriorityBlockingQueue<String> prioritised = new PriorityBlockingQueue<>();
    private String state = "";

    void publish() throws InterruptedException {
        rw.readLock().lock();
        try {
            bounded.put(state); // expect: LC001
            unbounded.put(state);
            copied.put(state);
            prioritised.put(state);
        } finally {
            rw.readLock().unlock();
        }
    }

    void update(String s) {
        rw.writeLock().lock();
        try {
            state = s;
        } finally {
            rw.writeLock().unlock();
        }
    }
}
