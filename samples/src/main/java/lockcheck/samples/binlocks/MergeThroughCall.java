package lockcheck.samples.binlocks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bad: the bin lock reached through calls, in both directions. {@link Counters#increment}'s
 * {@code merge} function calls {@link Sink#add}, which takes the sink's lock (bin, then sink);
 * {@link Sink#flush} holds the sink's lock and calls {@link Counters#reset}, whose {@code compute}
 * locks a bin of the same map (sink, then bin). Neither method names a lock where the bin is taken.
 */
public class MergeThroughCall {
    public static class Counters {
        private final ConcurrentHashMap<String, Long> counts = new ConcurrentHashMap<>();
        private final Sink sink;

        public Counters(Sink sink) {
            this.sink = sink;
        }

        public void increment(String key) {
            counts.merge(key, 1L, (a, b) -> sink.add(a, b)); // expect: LC007
        }

        void reset(String key) {
            counts.compute(key, (k, v) -> 0L);
        }
    }

    public static class Sink {
        private final ReentrantLock lock = new ReentrantLock();
        private long total;

        long add(long a, long b) {
            lock.lock();
            try {
                total += b;
                return a + b;
            } finally {
                lock.unlock();
            }
        }

        public void flush(Counters counters, String key) {
            lock.lock();
            try {
                total = 0;
                counters.reset(key); // expect: LC007
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * The fixed form ({@link #incrementThenRecord}: the sink is told after the bin is released) and
     * clean look-alikes: the same call on a {@code HashMap} guarded by the caller (no bin lock), and
     * a {@code merge} whose function takes no lock.
     */
    public static class PlainCounters {
        private final Map<String, Long> counts = new HashMap<>();
        private final ConcurrentHashMap<String, Long> quick = new ConcurrentHashMap<>();
        private final Sink sink;

        public PlainCounters(Sink sink) {
            this.sink = sink;
        }

        public synchronized void increment(String key) {
            counts.merge(key, 1L, (a, b) -> sink.add(a, b));
        }

        public void incrementQuick(String key) {
            quick.merge(key, 1L, Long::sum);
        }

        public void incrementThenRecord(String key) {
            long now = quick.merge(key, 1L, Long::sum);
            sink.add(now, 1L);
        }

        public void flushQuick(String key) {
            sink.lock.lock();
            try {
                resetQuick(key);
            } finally {
                sink.lock.unlock();
            }
        }

        void resetQuick(String key) {
            quick.compute(key, (k, v) -> 0L);
        }
    }
}
