package dev.lockcheck.bench;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the agent costs. Run twice, without and with the agent (bench-agent/run.sh does both):
 * <pre>
 * java -jar bench-agent/target/benchmarks.jar AgentOverhead
 * java -jar bench-agent/target/benchmarks.jar AgentOverhead -jvmArgsAppend -javaagent:analyzer-agent/target/lockcheck-agent.jar=report=/tmp/bench.json
 * </pre>
 * The benchmark class is an application class, so under the agent its lock and queue calls go
 * through the hooks exactly as an application's would.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AgentOverhead {

    @State(Scope.Thread)
    public static class Locks {
        final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        final ReentrantLock lock = new ReentrantLock();
        final StampedLock stamped = new StampedLock();
        final Object monitor = new Object();
        int value;

        synchronized int synchronizedGet() {
            return value;
        }
    }

    @Benchmark
    public int rrwlReadLockUnlock(Locks s) {
        s.rw.readLock().lock();
        try {
            return s.value;
        } finally {
            s.rw.readLock().unlock();
        }
    }

    @Benchmark
    public int reentrantLockUnlock(Locks s) {
        s.lock.lock();
        try {
            return s.value;
        } finally {
            s.lock.unlock();
        }
    }

    @Benchmark
    public int stampedReadUnlock(Locks s) {
        long stamp = s.stamped.readLock();
        try {
            return s.value;
        } finally {
            s.stamped.unlockRead(stamp);
        }
    }

    /** A synchronized block: instrumented (monitorBefore/After/Exit around the monitor instructions). */
    @Benchmark
    public int monitorEnterExit(Locks s) {
        synchronized (s.monitor) {
            return s.value;
        }
    }

    /**
     * A synchronized method: the current agent does not track these (no hook at all), the agent
     * issue's synchronized-method tracking will; this row shows what that adds.
     */
    @Benchmark
    public int synchronizedMethod(Locks s) {
        return s.synchronizedGet();
    }

    /** One SynchronousQueue handoff between two threads. */
    @State(Scope.Group)
    public static class Handoff {
        SynchronousQueue<Integer> queue;

        @Setup(Level.Iteration)
        public void setUp() {
            queue = new SynchronousQueue<>();
        }

        @TearDown(Level.Iteration)
        public void drain() {
            // a put or take may be left waiting when the iteration ends: release it
            queue.offer(0);
            queue.poll();
        }
    }

    @Benchmark
    @Group("queueHandoff")
    @GroupThreads(1)
    public void put(Handoff h) throws InterruptedException {
        h.queue.offer(1, 10, TimeUnit.MILLISECONDS);
    }

    @Benchmark
    @Group("queueHandoff")
    @GroupThreads(1)
    public Integer take(Handoff h) throws InterruptedException {
        return h.queue.poll(10, TimeUnit.MILLISECONDS);
    }

    /** A service-like mix on shared locks: mostly reads, some writes, a nested exclusive lock, a little work under each. */
    @State(Scope.Benchmark)
    public static class Shared {
        final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        final ReentrantLock stats = new ReentrantLock();
        final long[] data = new long[64];
        long hits;
    }

    @State(Scope.Thread)
    public static class Dice {
        int n;
    }

    @Benchmark
    @Group("mixed")
    @GroupThreads(2)
    public long mixedWorkload(Shared s, Dice d, Blackhole bh) {
        int i = d.n++;
        if (i % 10 == 0) {
            s.rw.writeLock().lock();
            try {
                s.data[i & 63]++;
                Blackhole.consumeCPU(50);
            } finally {
                s.rw.writeLock().unlock();
            }
            return i;
        }
        long sum = 0;
        s.rw.readLock().lock();
        try {
            for (int k = 0; k < 16; k++) sum += s.data[(i + k) & 63];
            Blackhole.consumeCPU(50);
            if (i % 7 == 0) {
                s.stats.lock();
                try {
                    s.hits++;
                } finally {
                    s.stats.unlock();
                }
            }
        } finally {
            s.rw.readLock().unlock();
        }
        Blackhole.consumeCPU(100);
        return sum;
    }
}
