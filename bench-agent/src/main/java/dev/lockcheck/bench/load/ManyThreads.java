package dev.lockcheck.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Memory: THREADS threads each take a few locks (its own ReentrantLock, a shared read lock, a
 * monitor, nested; three times) and then park (untimed) until all have done so; the main thread then reads its
 * resident set (VmRSS, VmHWM from /proc/self/status), prints it and lets them finish.
 * Usage: {@code ManyThreads THREADS}.
 */
public final class ManyThreads {
    static final ReentrantReadWriteLock RW = new ReentrantReadWriteLock();
    static final Object MONITOR = new Object();
    static volatile boolean done;

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        CountDownLatch ready = new CountDownLatch(n);
        Thread[] ts = new Thread[n];
        for (int i = 0; i < n; i++) {
            ts[i] = new Thread(() -> {
                ReentrantLock own = new ReentrantLock();
                for (int k = 0; k < 3; k++) {
                    own.lock();
                    try {
                        RW.readLock().lock();
                        try {
                            synchronized (MONITOR) {
                                Thread.onSpinWait();
                            }
                        } finally {
                            RW.readLock().unlock();
                        }
                    } finally {
                        own.unlock();
                    }
                }
                ready.countDown();
                while (!done) LockSupport.park(); // no timed wake-ups: 5,000 of them would be the cost measured
            }, "many-" + i);
            ts[i].start();
        }
        ready.await();
        String status = Files.readString(Path.of("/proc/self/status"));
        System.out.println("manythreads threads=" + n + " rssKb=" + field(status, "VmRSS") + " hwmKb=" + field(status, "VmHWM")
                + " heapUsedKb=" + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1024);
        done = true;
        for (Thread t : ts) {
            LockSupport.unpark(t);
            t.join();
        }
    }

    static String field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name + ":")) return line.substring(name.length() + 1).replace("kB", "").trim();
        }
        return "?";
    }
}
