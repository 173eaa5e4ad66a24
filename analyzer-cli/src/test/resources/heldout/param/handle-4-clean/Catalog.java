// Models: the fixed form of a handle user: the in-source read handle is closed before the blocking hand-off, and the write handle only guards mutation.
package heldout.handle4;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Catalog {
    private final ReadWriteLock rw = new ReentrantReadWriteLock();
    private final List<String> tables = new ArrayList<>();
    private final BlockingQueue<List<String>> exports = new SynchronousQueue<>();

    /** Returns with the read lock held; closing the handle releases it. */
    private LockHandle readHandle() {
        rw.readLock().lock();
        return new LockHandle(rw.readLock());
    }

    private LockHandle writeHandle() {
        rw.writeLock().lock();
        return new LockHandle(rw.writeLock());
    }

    public void export() throws InterruptedException {
        List<String> snapshot;
        try (LockHandle h = readHandle()) {
            snapshot = new ArrayList<>(tables);
        }
        exports.put(snapshot);
    }

    public void consumeExports() throws InterruptedException {
        List<String> next = exports.take();
        try (LockHandle h = readHandle()) {
            next.retainAll(tables);
        }
    }

    public void create(String table) {
        try (LockHandle h = writeHandle()) {
            tables.add(table);
        }
    }
}
