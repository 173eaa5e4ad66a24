// Clean look-alike of queue-1: the read lock is released before the handoff (snapshot under the lock, put after).
// The consumer still reads the roster after each take, but nobody holds a read hold while blocked on the queue.
package heldout.handoff.queue7;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Roster {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<String> members = new ArrayList<>();
    private final SynchronousQueue<String> greetings = new SynchronousQueue<>();

    public Roster() {
        new Thread(this::greet, "greeter").start();
    }

    public void announce() throws InterruptedException {
        List<String> snapshot;
        lock.readLock().lock();
        try {
            snapshot = new ArrayList<>(members);
        } finally {
            lock.readLock().unlock();
        }
        for (String m : snapshot) {
            greetings.put(m);
        }
    }

    private void greet() {
        try {
            while (true) {
                String m = greetings.take();
                if (isMember(m)) {
                    System.out.println("hello " + m);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean isMember(String m) {
        lock.readLock().lock();
        try {
            return members.contains(m);
        } finally {
            lock.readLock().unlock();
        }
    }

    public void join(String m) {
        lock.writeLock().lock();
        try {
            members.add(m);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
