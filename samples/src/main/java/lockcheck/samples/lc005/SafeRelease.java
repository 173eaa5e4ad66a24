package lockcheck.samples.lc005;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;

/** Clean look-alikes: every release on every path, including hand-offs of ownership between methods. */
public class SafeRelease {
    private final ReentrantLock lock = new ReentrantLock();
    private final StampedLock sl = new StampedLock();
    private final List<String> done = new ArrayList<>();
    private long total;

    void classic(String item) {
        lock.lock();
        try {
            process(item);
        } finally {
            lock.unlock();
        }
    }

    void aliasFirst(String item) {
        final ReentrantLock l = this.lock;
        l.lock();
        try {
            process(item);
        } finally {
            l.unlock();
        }
    }

    boolean tryIt(String item) {
        if (lock.tryLock()) {
            try {
                process(item);
                return true;
            } finally {
                lock.unlock();
            }
        }
        return false;
    }

    void tryOrLeave(String item) {
        if (!lock.tryLock()) return;
        try {
            process(item);
        } finally {
            lock.unlock();
        }
    }

    void timedOrThrow(String item) throws InterruptedException {
        if (!lock.tryLock(1, TimeUnit.SECONDS)) throw new IllegalStateException("busy");
        try {
            process(item);
        } finally {
            lock.unlock();
        }
    }

    boolean withFlag(String item) {
        boolean locked = lock.tryLock();
        try {
            if (locked) process(item);
            return locked;
        } finally {
            if (locked) lock.unlock();
        }
    }

    /** Only acquires: ownership is handed to the caller (see {@link #viaHelpers}). */
    void acquire() {
        lock.lock();
    }

    void release() {
        lock.unlock();
    }

    void viaHelpers(String item) {
        acquire();
        try {
            process(item);
        } finally {
            release();
        }
    }

    void reentrant(String item) {
        lock.lock();
        try {
            lock.lock();
            try {
                process(item);
            } finally {
                lock.unlock();
            }
        } finally {
            lock.unlock();
        }
    }

    void stamped(String item) {
        long s = sl.writeLock();
        try {
            total += item.length();
        } finally {
            sl.unlockWrite(s);
        }
    }

    private void process(String item) {
        if (item.isEmpty()) throw new IllegalArgumentException("empty item");
        done.add(item);
    }
}
