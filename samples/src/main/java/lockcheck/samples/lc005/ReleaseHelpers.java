package lockcheck.samples.lc005;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Locks released through helper methods, the way HDFS's namesystem does it
 * ({@code writeUnlock(op, getLockReportInfoSupplier(src))}). The helper's receiver and arguments
 * are evaluated as part of the release; a statement before the release in the finally is not.
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

    /** Look-alike: the call in the release's argument list is part of the release. */
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
