package lockcheck.samples.helpers;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Clean look-alike of {@link Gauges}: the sample is read under the lock and put after it is released. */
public class GaugesFixed {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final BlockingQueue<String> samples = new LinkedBlockingQueue<>(16);
    private long value;

    public void sample() throws InterruptedException {
        String s;
        RwLocking.acquireRead(lock);
        try {
            s = "value=" + value;
        } finally {
            RwLocking.releaseRead(lock);
        }
        samples.put(s);
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
