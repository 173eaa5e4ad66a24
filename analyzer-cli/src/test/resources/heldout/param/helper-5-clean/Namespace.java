// Models: doLock(boolean) helpers used legally: write then read inside it (a downgrade), and read released before write.
package heldout.helper5;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Namespace {
    private final ReentrantReadWriteLock nsLock = new ReentrantReadWriteLock();
    private final Map<String, Long> inodes = new HashMap<>();

    private void doLock(boolean write) {
        if (write) {
            nsLock.writeLock().lock();
        } else {
            nsLock.readLock().lock();
        }
    }

    private void doUnlock(boolean write) {
        if (write) {
            nsLock.writeLock().unlock();
        } else {
            nsLock.readLock().unlock();
        }
    }

    public long lookup(String path) {
        doLock(false);
        try {
            return inodes.getOrDefault(path, -1L);
        } finally {
            doUnlock(false);
        }
    }

    public long createAndGet(String path, long id) {
        doLock(true);
        try {
            inodes.put(path, id);
            return lookup(path);
        } finally {
            doUnlock(true);
        }
    }

    public long getOrCreate(String path, long id) {
        long existing = lookup(path);
        if (existing >= 0) {
            return existing;
        }
        return createAndGet(path, id);
    }
}
