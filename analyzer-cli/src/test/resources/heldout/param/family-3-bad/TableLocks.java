// Models: Guava Striped<ReadWriteLock> (library type, no stub here): a key's striped read lock held while saving the same key takes its write lock.
package heldout.family3;

import com.google.common.util.concurrent.Striped;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

public class TableLocks {
    private final Striped<ReadWriteLock> stripes = Striped.readWriteLock(64);
    private final Map<String, Long> versions = new HashMap<>();

    public long bumpIfStale(String table, long seen) {
        Lock read = stripes.get(table).readLock();
        read.lock();
        try {
            long v = versions.getOrDefault(table, 0L);
            if (v < seen) {
                save(table, seen); // expect: LC002
                return seen;
            }
            return v;
        } finally {
            read.unlock();
        }
    }

    void save(String table, long version) {
        Lock write = stripes.get(table).writeLock();
        write.lock();
        try {
            versions.put(table, version);
        } finally {
            write.unlock();
        }
    }
}
