// Warning: the handoff is timed (offer with 1 s). The consumer does read metrics after polling (it would be an
// error with put), but a queued writer can only stall report() for the timeout, each time: it recovers, slowly.
package heldout.handoff.queue6;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Telemetry {
    private final ReentrantReadWriteLock metricsLock = new ReentrantReadWriteLock();
    private final Map<String, Double> metrics = new HashMap<>();
    private final SynchronousQueue<String> wire = new SynchronousQueue<>();
    private int dropped;

    public Telemetry() {
        new Thread(this::ship, "shipper").start();
    }

    public void report() throws InterruptedException {
        metricsLock.readLock().lock();
        try {
            for (String key : metrics.keySet()) {
                if (!wire.offer(key, 1, TimeUnit.SECONDS)) { // expect: LC001 warning
                    dropped++;
                }
            }
        } finally {
            metricsLock.readLock().unlock();
        }
    }

    private void ship() {
        try {
            while (true) {
                String key = wire.take();
                send(key, valueOf(key));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private double valueOf(String key) {
        metricsLock.readLock().lock();
        try {
            return metrics.getOrDefault(key, 0.0);
        } finally {
            metricsLock.readLock().unlock();
        }
    }

    private void send(String key, double value) {
        System.out.println(key + " " + value);
    }

    public void set(String key, double value) {
        metricsLock.writeLock().lock();
        try {
            metrics.put(key, value);
        } finally {
            metricsLock.writeLock().unlock();
        }
    }
}
