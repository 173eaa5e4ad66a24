// Models: a metrics registry that holds its read lock (taken through LockUtil) while handing samples to a reporter thread, whose flush takes the write lock.
package heldout.helper2;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class MetricsRegistry {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Long> gauges = new LinkedHashMap<>();
    private final BlockingQueue<String> samples = new LinkedBlockingQueue<>(128);

    public void sample() throws InterruptedException {
        LockUtil.acquireRead(lock);
        try {
            for (Map.Entry<String, Long> e : gauges.entrySet()) {
                samples.put(e.getKey() + "=" + e.getValue()); // expect: LC001
            }
        } finally {
            LockUtil.releaseRead(lock);
        }
    }

    /** Runs on the reporter thread. */
    public void reportLoop() throws InterruptedException {
        while (true) {
            String s = samples.take();
            LockUtil.acquireWrite(lock);
            try {
                gauges.remove(s.substring(0, s.indexOf('=')));
            } finally {
                LockUtil.releaseWrite(lock);
            }
        }
    }
}
