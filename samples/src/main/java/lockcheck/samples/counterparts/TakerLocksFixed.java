package lockcheck.samples.counterparts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The fixed form of {@link TakerLocks}: publish() decides under the read lock, releases it, then
 * puts. The taker still reads under the lock; nothing waits for it while holding the lock. No finding.
 */
public class TakerLocksFixed {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>(1);
    private final List<String> index = new ArrayList<>();

    void publish(String e) throws InterruptedException {
        boolean fresh;
        rw.readLock().lock();
        try {
            fresh = !index.contains(e);
        } finally {
            rw.readLock().unlock();
        }
        if (fresh) events.put(e);
    }

    void reindex() {
        rw.writeLock().lock();
        try {
            index.clear();
        } finally {
            rw.writeLock().unlock();
        }
    }

    boolean known(String e) {
        rw.readLock().lock();
        try {
            return index.contains(e);
        } finally {
            rw.readLock().unlock();
        }
    }

    final class Consumer extends Thread {
        @Override
        public void run() {
            try {
                while (true) {
                    String e = events.take();
                    if (!known(e)) System.out.println("new " + e);
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
