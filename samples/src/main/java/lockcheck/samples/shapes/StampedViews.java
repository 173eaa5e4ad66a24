package lockcheck.samples.shapes;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Exchanger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;

/** StampedLock read stamps and asReadLock views held across handoffs (the lock has a writer below). */
public class StampedViews {
    private final StampedLock sl = new StampedLock();
    private final Lock readView = sl.asReadLock();
    private long version;

    long awaitThenRead(CountDownLatch ready) throws InterruptedException {
        long stamp = sl.readLock();
        try {
            ready.await(); // expect: LC001
            return version;
        } finally {
            sl.unlockRead(stamp);
        }
    }

    String swap(Exchanger<String> ex, String mine) throws InterruptedException {
        readView.lock();
        try {
            return ex.exchange(mine + version); // expect: LC001
        } finally {
            readView.unlock();
        }
    }

    void bump() {
        long stamp = sl.writeLock();
        try {
            version++;
        } finally {
            sl.unlockWrite(stamp);
        }
    }
}
