// Warning: drain() holds services.read across join() of a Thread received as a parameter: its run() is not known
// (any caller's thread, possibly one that stops a service through stop(), the writer). Neither the deadlock nor its
// absence can be shown from the sources.
package heldout.handoff.join5;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Shutdown {
    private final ReentrantReadWriteLock services = new ReentrantReadWriteLock();
    private final List<String> running = new ArrayList<>();

    public int drain(Thread last) throws InterruptedException {
        services.readLock().lock();
        try {
            int n = running.size();
            last.join(); // expect: LC001 warning
            return n;
        } finally {
            services.readLock().unlock();
        }
    }

    public void stop(String name) {
        services.writeLock().lock();
        try {
            running.remove(name);
        } finally {
            services.writeLock().unlock();
        }
    }
}
