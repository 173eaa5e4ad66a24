package lockcheck.samples.counterparts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * LC001 error, the seed deadlock shown whole: publish() puts into a bounded queue under the read
 * lock; the queue's only taker, Consumer.run(), takes and then reads under the same lock. With a
 * writer queued (reindex), the taker's read waits behind the writer, the writer waits for
 * publish()'s read lock, and publish() waits for room the taker never makes.
 */
public class TakerLocks {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>(1);
    private final List<String> index = new ArrayList<>();

    void publish(String e) throws InterruptedException {
        rw.readLock().lock();
        try {
            if (!index.contains(e)) events.put(e); // expect: LC001
        } finally {
            rw.readLock().unlock();
        }
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

    void start() {
        new Consumer().start();
    }
}
