package dev.lockcheck.analysis;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The scan's thread pools: daemon threads (a scan never keeps the JVM alive), named, with a given stack. */
final class Workers {
    private Workers() {
    }

    /** {@code threads} daemon threads named {@code name-1, name-2...}; {@code stackBytes} 0 for the default stack. */
    static ExecutorService pool(int threads, String name, long stackBytes) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(null, r, name + "-" + n.incrementAndGet(), stackBytes);
            t.setDaemon(true);
            return t;
        });
    }
}
