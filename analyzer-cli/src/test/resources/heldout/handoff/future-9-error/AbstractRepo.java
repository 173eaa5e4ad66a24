// Base class: the lock and the read-side helper that subclasses inherit without overriding.
package heldout.handoff.future9;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

abstract class AbstractRepo {
    protected final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    protected final List<String> rows = new ArrayList<>();

    int countMatching(String prefix) {
        rw.readLock().lock();
        try {
            int n = 0;
            for (String r : rows) {
                if (r.startsWith(prefix)) {
                    n++;
                }
            }
            return n;
        } finally {
            rw.readLock().unlock();
        }
    }

    void insert(String row) {
        rw.writeLock().lock();
        try {
            rows.add(row);
        } finally {
            rw.writeLock().unlock();
        }
    }
}
