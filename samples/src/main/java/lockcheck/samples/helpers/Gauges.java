package lockcheck.samples.helpers;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Bad: the read lock, taken through {@link RwLocking#acquireRead}, is held across a bounded
 * queue's put; the reporter that takes from the queue then write-locks the same lock, only ever
 * through {@link RwLocking#acquireWrite} (LC001).
 */
public class Gauges {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final BlockingQueue<String> samples = new LinkedBlockingQueue<>(16);
    private long value;

    public void sample() throws InterruptedException {
        RwLocking.acquireRead(lock);
        try {
            samples.put("value=" + value); // expect: LC001
        } finally {
            RwLocking.releaseRead(lock);
        }
    }

    /** Runs on the reporter thread. */
    public void report() throws InterruptedException {
        while (true) {
            samples.take();
            RwLocking.acquireWrite(lock);
            try {
                value = 0;
            } finally {
                RwLocking.releaseWrite(lock);
            }
        }
    }
}
