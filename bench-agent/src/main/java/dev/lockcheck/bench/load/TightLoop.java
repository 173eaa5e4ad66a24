package dev.lockcheck.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A tight single-thread lock loop, measured before and after something happens to the JVM (the
 * bench script attaches the agent, or does nothing for the control run). Runs SECONDS of bursts,
 * then creates READY_FILE and waits (at most 60 s) for GO_FILE, then runs SECONDS more. Each burst
 * is a method call (code attached later reaches it at the next call), 1 M lock operations: a
 * ReentrantLock lock/unlock and a synchronized block. Prints the median rate of each phase in
 * million lock operations a second. Usage: {@code TightLoop SECONDS READY_FILE GO_FILE}.
 */
public final class TightLoop {
    static final ReentrantLock LOCK = new ReentrantLock();
    static final Object MONITOR = new Object();
    static long counter;

    public static void main(String[] args) throws Exception {
        double seconds = Double.parseDouble(args[0]);
        Path ready = Path.of(args[1]);
        Path go = Path.of(args[2]);
        double before = phase(seconds);
        Files.writeString(ready, Long.toString(ProcessHandle.current().pid()));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(go) && System.nanoTime() < deadline) Thread.sleep(20);
        phase(0.5); // the first calls after attach: retransformed code, recompilation
        double after = phase(seconds);
        System.out.printf("tightloop before=%.1f after=%.1f Mops/s ratio=%.2f%n", before, after, before / after);
    }

    /** Median rate over 200 ms windows, million lock operations (lock+unlock pairs) a second. */
    static double phase(double seconds) {
        java.util.List<Double> rates = new java.util.ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            long ops = 0;
            while (System.nanoTime() - t0 < 200_000_000L) ops += burst(100_000);
            rates.add(ops / ((System.nanoTime() - t0) / 1e3));
        }
        java.util.Collections.sort(rates);
        return rates.get(rates.size() / 2);
    }

    static long burst(int n) {
        for (int i = 0; i < n; i++) {
            LOCK.lock();
            try {
                counter++;
            } finally {
                LOCK.unlock();
            }
            synchronized (MONITOR) {
                counter++;
            }
        }
        return 2L * n;
    }
}
