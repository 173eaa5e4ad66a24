package lockcheck.samples.binlocks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bad: the bin lock reached through calls, in both directions. {@link Tally#hit}'s
 * {@code merge} function calls {@link Meter#record}, which takes the meter's lock (bin, then meter);
 * {@link Meter#drain} holds the meter's lock and calls {@link Tally#clear}, whose {@code compute}
 * locks a bin of the same map (meter, then bin). Neither method names a lock where the bin is taken.
 */
public class MergeThroughCall {
    public static class Tally {
        private final ConcurrentHashMap<String, Long> hits = new ConcurrentHashMap<>();
        private final Meter meter;

        public Tally(Meter meter) {
            this.meter = meter;
        }

        public void hit(String key) {
            hits.merge(key, 1L, (a, b) -> meter.record(a, b)); // expect: LC007
        }

        void clear(String key) {
            hits.compute(key, (k, v) -> 0L);
        }
    }

    public static class Meter {
        private final ReentrantLock lock = new ReentrantLock();
        private long sum;

        long record(long a, long b) {
            lock.lock();
            try {
                sum += b;
                return a + b;
            } finally {
                lock.unlock();
            }
        }

        public void drain(Tally tally, String key) {
            lock.lock();
            try {
                sum = 0;
                tally.clear(key); // expect: LC007
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * The fixed form ({@link #hitThenRecord}: the meter is told after the bin is released) and
     * clean look-alikes: the same call on a {@code HashMap} guarded by the caller (no bin lock), and
     * a {@code merge} whose function takes no lock.
     */
    public static class PlainTally {
        private final Map<String, Long> hits = new HashMap<>();
        private final ConcurrentHashMap<String, Long> quick = new ConcurrentHashMap<>();
        private final Meter meter;

        public PlainTally(Meter meter) {
            this.meter = meter;
        }

        public synchronized void hit(String key) {
            hits.merge(key, 1L, (a, b) -> meter.record(a, b));
        }

        public void hitQuick(String key) {
            quick.merge(key, 1L, Long::sum);
        }

        public void hitThenRecord(String key) {
            long now = quick.merge(key, 1L, Long::sum);
            meter.record(now, 1L);
        }

        public void drainQuick(String key) {
            meter.lock.lock();
            try {
                clearQuick(key);
            } finally {
                meter.lock.unlock();
            }
        }

        void clearQuick(String key) {
            quick.compute(key, (k, v) -> 0L);
        }
    }
}
