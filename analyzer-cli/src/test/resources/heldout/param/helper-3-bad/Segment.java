// Models: a log segment that exposes its lock through a getter.
package heldout.helper3;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Segment {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<byte[]> records = new ArrayList<>();

    public ReentrantReadWriteLock getLock() {
        return lock;
    }

    public int size() {
        return records.size();
    }

    public void append(byte[] record) {
        lock.writeLock().lock();
        try {
            records.add(record);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
