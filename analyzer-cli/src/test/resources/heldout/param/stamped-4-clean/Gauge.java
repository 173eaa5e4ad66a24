// Models: a read stamp kept in a small inner handle class whose close() releases it; the write happens after the handle is closed.
package heldout.stamped4;

import java.util.concurrent.locks.StampedLock;

public class Gauge {
    private final StampedLock lock = new StampedLock();
    private long value;
    private long max;

    private final class ReadScope implements AutoCloseable {
        private final long stamp = lock.readLock();

        @Override
        public void close() {
            lock.unlockRead(stamp);
        }
    }

    public void recordIfHigher(long sample) {
        boolean higher;
        try (ReadScope r = new ReadScope()) {
            higher = sample > max;
        }
        if (higher) {
            set(sample);
        }
    }

    public void set(long sample) {
        long stamp = lock.writeLock();
        try {
            value = sample;
            max = Math.max(max, sample);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    public long value() {
        try (ReadScope r = new ReadScope()) {
            return value;
        }
    }
}
