package lockcheck.samples.lc005;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;

/** Releases that an exception or an early return skips, and an acquisition inside its own try. */
public class UnsafeRelease {
    private final ReentrantLock lock = new ReentrantLock();
    private final StampedLock sl = new StampedLock();
    private final List<String> done = new ArrayList<>();
    private long total;

    void noFinally(String item) {
        lock.lock(); // expect: LC005
        process(item);
        lock.unlock();
    }

    void lockInsideTry(String item) throws InterruptedException {
        try {
            lock.lockInterruptibly(); // expect: LC005
            process(item);
        } finally {
            lock.unlock();
        }
    }

    boolean earlyReturn(String item) {
        lock.lock(); // expect: LC005
        if (item == null) return false;
        try {
            process(item);
        } finally {
            lock.unlock();
        }
        return true;
    }

    void stampedNoFinally(String item) {
        long s = sl.writeLock(); // expect: LC005
        total += item.length();
        process(item);
        sl.unlockWrite(s);
    }

    private void process(String item) {
        if (item.isEmpty()) throw new IllegalArgumentException("empty item");
        done.add(item);
    }
}
