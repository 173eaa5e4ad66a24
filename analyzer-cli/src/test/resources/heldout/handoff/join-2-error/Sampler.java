// Deadlock on Thread.join with a Runnable lambda: close() holds gauges.read, clears the running flag and joins the
// sampler. The sampler may already be past the flag check, asking for its first read hold of the iteration; with
// register() queued for gauges.write it parks, never finishes, and close() waits in join(). Read-read: LC001 only.
package heldout.handoff.join2;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Sampler implements AutoCloseable {
    private final ReentrantReadWriteLock gauges = new ReentrantReadWriteLock();
    private final Map<String, Double> values = new HashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;
    private double total;

    public Sampler() {
        sampler = new Thread(() -> {
            while (running) {
                gauges.readLock().lock();
                try {
                    for (double v : values.values()) {
                        total += v;
                    }
                } finally {
                    gauges.readLock().unlock();
                }
            }
        }, "sampler");
        sampler.start();
    }

    @Override
    public void close() throws InterruptedException {
        gauges.readLock().lock();
        try {
            running = false;
            sampler.join(); // expect: LC001 error
        } finally {
            gauges.readLock().unlock();
        }
    }

    public void register(String name, double v) {
        gauges.writeLock().lock();
        try {
            values.put(name, v);
        } finally {
            gauges.writeLock().unlock();
        }
    }
}
