package lockcheck.samples.lc001;

import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Clean look-alike: the read lock is held across a handoff, but nothing in the sources ever takes
 * this lock's write lock, so no writer can queue and no reader can be blocked behind one.
 */
public class ReadLockWithoutWriter {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<String> names = List.of("a", "b");

    void stream(SynchronousQueue<String> out) throws InterruptedException {
        lock.readLock().lock();
        try {
            for (String n : names) out.put(n);
        } finally {
            lock.readLock().unlock();
        }
    }
}
