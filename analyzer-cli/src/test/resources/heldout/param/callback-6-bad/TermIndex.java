// Models: a read callback given on one line whose body calls a public method that takes the same read lock again (nested read through the callback).
package heldout.callback6;

import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

public class TermIndex {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final NavigableMap<String, Integer> terms = new TreeMap<>();

    private <T> T underRead(Supplier<T> body) {
        rw.readLock().lock();
        try {
            return body.get();
        } finally {
            rw.readLock().unlock();
        }
    }

    public int count(String prefix) {
        rw.readLock().lock();
        try {
            return terms.subMap(prefix, prefix + Character.MAX_VALUE).size();
        } finally {
            rw.readLock().unlock();
        }
    }

    public double share(String prefix) {
        return underRead(() -> terms.isEmpty() ? 0.0 : (double) count(prefix) / terms.size()); // expect: LC004
    }

    public void add(String term) {
        rw.writeLock().lock();
        try {
            terms.merge(term, 1, Integer::sum);
        } finally {
            rw.writeLock().unlock();
        }
    }
}
