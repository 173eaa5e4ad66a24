package dev.lockcheck.bench.load;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * The lock-heavy contended workload of issue 13: THREADS threads share one of each lock kind and
 * run a fixed number of operations in all (no time limit, so with and without the agent do the
 * same work). Per operation, by a per-thread xorshift draw out of 100:
 * <pre>
 *   0..69  RRWL read lock, read 4 slots          (70 %)
 *  70..74  RRWL write lock, write a slot          (5 %)
 *  75..82  ReentrantLock, then a monitor inside it (8 %; the order is always lock then monitor)
 *  83..87  synchronized block                     (5 %)
 *  88..92  synchronized method                    (5 %)
 *  93..96  StampedLock read (1 in 4 of them: write) (4 %)
 *  97..99  bounded queue: offer, or poll when full (3 %)
 * </pre>
 * Prints one line: {@code contended threads=N ops=M ms=T} (the timed part only: threads started,
 * then released together; JVM start and the agent's exit report are outside it).
 * Usage: {@code Contended THREADS TOTAL_OPS}.
 */
public final class Contended {
    static final ReentrantReadWriteLock RW = new ReentrantReadWriteLock();
    static final ReentrantLock LOCK = new ReentrantLock();
    static final Object MONITOR = new Object();
    static final StampedLock STAMPED = new StampedLock();
    static final ArrayBlockingQueue<Integer> QUEUE = new ArrayBlockingQueue<>(256);
    static final long[] DATA = new long[64];
    static final Contended SHARED = new Contended();
    static volatile long sink;
    long counter;

    synchronized void bump() {
        counter++;
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        long total = Long.parseLong(args[1]);
        long each = total / threads;
        CountDownLatch go = new CountDownLatch(1);
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int seed = 0x9E3779B9 * (t + 1);
            ts[t] = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                sink += run(seed, each);
            }, "contended-" + t);
            ts[t].start();
        }
        long t0 = System.nanoTime();
        go.countDown();
        for (Thread t : ts) t.join();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("contended threads=" + threads + " ops=" + each * threads + " ms=" + ms);
    }

    static long run(int seed, long n) {
        int x = seed | 1;
        long acc = 0;
        for (long i = 0; i < n; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            int r = (x >>> 1) % 100;
            int slot = (x >>> 8) & 63;
            if (r < 70) {
                RW.readLock().lock();
                try {
                    acc += DATA[slot] + DATA[(slot + 1) & 63] + DATA[(slot + 2) & 63] + DATA[(slot + 3) & 63];
                } finally {
                    RW.readLock().unlock();
                }
            } else if (r < 75) {
                RW.writeLock().lock();
                try {
                    DATA[slot]++;
                } finally {
                    RW.writeLock().unlock();
                }
            } else if (r < 83) {
                LOCK.lock();
                try {
                    synchronized (MONITOR) {
                        acc += SHARED.counter;
                    }
                } finally {
                    LOCK.unlock();
                }
            } else if (r < 88) {
                synchronized (MONITOR) {
                    SHARED.counter++;
                }
            } else if (r < 93) {
                SHARED.bump();
            } else if (r < 97) {
                if ((r & 3) == 0) {
                    long s = STAMPED.writeLock();
                    try {
                        DATA[slot]--;
                    } finally {
                        STAMPED.unlockWrite(s);
                    }
                } else {
                    long s = STAMPED.readLock();
                    try {
                        acc += DATA[slot];
                    } finally {
                        STAMPED.unlockRead(s);
                    }
                }
            } else {
                if (!QUEUE.offer(slot)) {
                    Integer v = QUEUE.poll();
                    if (v != null) acc += v;
                }
            }
        }
        return acc;
    }
}
