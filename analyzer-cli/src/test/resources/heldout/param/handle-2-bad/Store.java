// Models: a store whose readLocked() returns with the read lock held and a lambda AutoCloseable that releases it; a caller upgrades inside the block.
package heldout.handle2;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Store<K extends Comparable<K>, V> {
    /** close() without a checked exception, so callers need no catch. */
    public interface Unlocker extends AutoCloseable {
        @Override
        void close();
    }

    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final TreeMap<K, V> data = new TreeMap<>();

    public Unlocker readLocked() {
        rw.readLock().lock();
        return () -> rw.readLock().unlock();
    }

    public V get(K key) {
        return data.get(key);
    }

    public Map<K, V> head(K to) {
        return data.headMap(to);
    }

    public void put(K key, V value) {
        rw.writeLock().lock();
        try {
            data.put(key, value);
        } finally {
            rw.writeLock().unlock();
        }
    }
}
