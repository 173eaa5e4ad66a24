package lockcheck.samples.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** A base class whose lock and blocking helper subclasses inherit (see {@link AuditedStore}). */
public abstract class BaseStore {
    protected final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    protected final List<String> entries = new ArrayList<>();

    protected void forward(BlockingQueue<String> sink, String entry) throws InterruptedException {
        sink.put(entry);
    }

    public void add(String e) {
        lock.writeLock().lock();
        try {
            entries.add(e);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
