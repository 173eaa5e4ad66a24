package dev.lockcheck.bench.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * The uncontended per-operation cost of JMH's AgentOverhead rows, timed by the thread's own CPU
 * time instead of the wall clock: on a machine whose cores other builds share, a thread that is
 * descheduled adds nothing here, while JMH's ns/op swing by 2x between runs. One thread; each kind
 * runs ROUNDS rounds of OPS lock/unlock pairs after as many warm-up rounds, and the median round is
 * printed: {@code perop kind=rrwlRead ns=12.3}. Usage: {@code PerOp [OPS [ROUNDS]]}.
 */
public final class PerOp {
    static final ReentrantReadWriteLock RW = new ReentrantReadWriteLock();
    static final ReentrantLock LOCK = new ReentrantLock();
    static final StampedLock STAMPED = new StampedLock();
    /** Two of each monitor, taken in turn: on one object C2 merges the loop's lock regions (lock coarsening) and the loop costs 1.6 ns. */
    static final Object[] MONITORS = {new Object(), new Object()};
    static final PerOp[] SYNCED = {new PerOp(), new PerOp()};
    static final PerOp SHARED = new PerOp();
    static volatile long sink;
    int value;

    synchronized int synchronizedGet() {
        return value;
    }

    public static void main(String[] args) {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String[] kinds = {"rrwlRead", "reentrantLock", "stampedRead", "monitor", "synchronizedMethod"};
        for (int k = 0; k < kinds.length; k++) {
            double[] ns = new double[rounds];
            for (int r = -rounds; r < rounds; r++) {
                long t0 = mx.getCurrentThreadCpuTime();
                sink += run(k, ops);
                long t = mx.getCurrentThreadCpuTime() - t0;
                if (r >= 0) ns[r] = (double) t / ops;
            }
            Arrays.sort(ns);
            System.out.printf("perop kind=%s ns=%.1f min=%.1f max=%.1f%n", kinds[k], ns[rounds / 2], ns[0], ns[rounds - 1]);
        }
    }

    static long run(int kind, int n) {
        switch (kind) {
            case 0: return rrwlRead(n);
            case 1: return reentrantLock(n);
            case 2: return stampedRead(n);
            case 3: return monitor(n);
            default: return synchronizedMethod(n);
        }
    }

    static long rrwlRead(int n) {
        long acc = 0;
        for (int i = 0; i < n; i++) {
            RW.readLock().lock();
            try {
                acc += SHARED.value;
            } finally {
                RW.readLock().unlock();
            }
        }
        return acc;
    }

    static long reentrantLock(int n) {
        long acc = 0;
        for (int i = 0; i < n; i++) {
            LOCK.lock();
            try {
                acc += SHARED.value;
            } finally {
                LOCK.unlock();
            }
        }
        return acc;
    }

    static long stampedRead(int n) {
        long acc = 0;
        for (int i = 0; i < n; i++) {
            long s = STAMPED.readLock();
            try {
                acc += SHARED.value;
            } finally {
                STAMPED.unlockRead(s);
            }
        }
        return acc;
    }

    static long monitor(int n) {
        long acc = 0;
        for (int i = 0; i < n; i++) {
            synchronized (MONITORS[i & 1]) {
                acc += SHARED.value;
            }
        }
        return acc;
    }

    static long synchronizedMethod(int n) {
        long acc = 0;
        for (int i = 0; i < n; i++) acc += SYNCED[i & 1].synchronizedGet();
        return acc;
    }
}
