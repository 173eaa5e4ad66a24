// Models: a stats sink guarded by a ReentrantLock; flush holds it while resetting a counter map entry (lock -> bin lock of Counters.counts).
package heldout.binlock2;

import java.util.concurrent.locks.ReentrantLock;

public class Stats {
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
