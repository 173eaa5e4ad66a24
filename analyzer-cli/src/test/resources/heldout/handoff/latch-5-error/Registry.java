// A static registry guarded by a static read-write lock (static helpers only).
package heldout.handoff.latch5;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

final class Registry {
    static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock();
    private static final Set<String> NAMES = new HashSet<>();

    private Registry() {
    }

    static void register(String name) {
        LOCK.writeLock().lock();
        try {
            NAMES.add(name);
        } finally {
            LOCK.writeLock().unlock();
        }
    }

    /** Caller holds LOCK (either side). */
    static boolean knownLocked(String name) {
        return NAMES.contains(name);
    }
}
