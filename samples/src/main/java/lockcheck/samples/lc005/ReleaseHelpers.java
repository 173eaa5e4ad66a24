package lockcheck.samples.lc005;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Locks released through helper methods, the way HDFS's namesystem does it
 * ({@code writeUnlock(op, getLockReportInfoSupplier(src))}). A receiver or argument of the release
 * that cannot throw (a getter, a method that only returns a lambda) leaves no gap; a statement that
 * can throw before the release in the finally does.
 */
public class ReleaseHelpers {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final Journal journal = new Journal();
    private int size;

    void writeLock() {
        rw.writeLock().lock();
    }

    void writeUnlock(String op, Supplier<String> reportInfo) {
        rw.writeLock().unlock();
    }

    void readLock() {
        rw.readLock().lock();
    }

    void readUnlock(String op) {
        rw.readLock().unlock();
    }

    ReleaseHelpers self() {
        return this;
    }

    Supplier<String> reportInfo(String src) {
        return () -> "src=" + src;
    }

    /** Look-alike: the call in the release's argument list only returns a lambda: it cannot throw. */
    void delete(String src) {
        writeLock();
        try {
            size--;
        } finally {
            writeUnlock("delete", reportInfo(src));
        }
    }

    /** Look-alike: a getter as the release's receiver, like rw.readLock().unlock(). */
    int count() {
        readLock();
        try {
            return size;
        } finally {
            self().readUnlock("count");
        }
    }

    /** Bad: if close() throws, the unlock after it in the finally never runs. */
    void load(Closeable edits) throws IOException {
        writeLock(); // expect: LC005
        try {
            size++;
        } finally {
            edits.close();
            writeUnlock("load", reportInfo("edits"));
        }
    }

    /** Fixed: the unlock first (or the close in a nested try/finally). */
    void loadFixed(Closeable edits) throws IOException {
        writeLock();
        try {
            size++;
        } finally {
            writeUnlock("load", reportInfo("edits"));
            edits.close();
        }
    }

    /**
     * Look-alike: gives up the caller's read hold while it waits, and takes it back in a finally
     * before returning; the caller's own finally releases it.
     */
    boolean yieldReadLock() {
        if (rw.getReadHoldCount() != 1) return false;
        readUnlock("yield");
        try {
            journal.sync();
        } finally {
            readLock();
            journal.touch();
        }
        return true;
    }

    static final class Journal {
        private long txid;

        void sync() {
            txid++;
        }

        void touch() {
            txid += 0;
        }
    }
}
