package lockcheck.samples.lc007;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An acquisition behind the lock's own hold count ({@code if (rw.getReadHoldCount() > 0) return})
 * runs only for callers that do not hold the lock: when every caller in the sources holds it, the
 * order it would make never happens (ZooKeeper's ZKDatabase.getCommittedLog).
 */
public class HoldCountGuard {
    /** Bad: size() calls committed() without the read lock, so monitor -> read runs, against read -> monitor in synced(). */
    static class CommitLog {
        final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        private final List<String> entries = new ArrayList<>();

        synchronized List<String> committed() {
            if (rw.getReadHoldCount() > 0) return entries;
            rw.readLock().lock(); // expect: LC007
            try {
                return new ArrayList<>(entries);
            } finally {
                rw.readLock().unlock();
            }
        }

        void append(String s) {
            rw.writeLock().lock();
            try {
                entries.add(s);
            } finally {
                rw.writeLock().unlock();
            }
        }

        int synced() {
            rw.readLock().lock();
            try {
                return committed().size(); // expect: LC007
            } finally {
                rw.readLock().unlock();
            }
        }

        int size() {
            return committed().size();
        }
    }

    /** Fixed: every caller takes the read lock before calling committed(), so its guarded acquisition never runs. */
    static class FixedCommitLog {
        final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        private final List<String> entries = new ArrayList<>();

        synchronized List<String> committed() {
            if (rw.getReadHoldCount() > 0) return entries;
            rw.readLock().lock();
            try {
                return new ArrayList<>(entries);
            } finally {
                rw.readLock().unlock();
            }
        }

        void append(String s) {
            rw.writeLock().lock();
            try {
                entries.add(s);
            } finally {
                rw.writeLock().unlock();
            }
        }

        int synced() {
            rw.readLock().lock();
            try {
                return committed().size();
            } finally {
                rw.readLock().unlock();
            }
        }
    }

    /** Look-alike: the same guard with isHeldByCurrentThread(), and the only caller holds the lock. */
    static class OpenGate {
        final ReentrantLock lock = new ReentrantLock();
        private int opened;

        synchronized void open() {
            if (lock.isHeldByCurrentThread()) {
                opened++;
                return;
            }
            lock.lock();
            try {
                opened++;
            } finally {
                lock.unlock();
            }
        }

        void openTwice() {
            lock.lock();
            try {
                open();
                open();
            } finally {
                lock.unlock();
            }
        }
    }
}
