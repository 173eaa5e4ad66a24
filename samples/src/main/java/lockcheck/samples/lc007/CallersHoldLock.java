package lockcheck.samples.lc007;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A callee whose every caller in the sources already holds a lock re-enters that lock: taking it
 * inside the callee, under the callee's own lock, orders nothing new (HDFS's
 * BlockPoolManager.addBlockPool, reached only from BPOfferService.verifyAndSetNamespaceInfo
 * holding the pool's write lock). One caller without the lock makes the order real.
 */
public class CallersHoldLock {
    /** Bad: refresh() registers a pool without holding its lock, so PoolRegistry.this -> pool read runs against pool write -> PoolRegistry.this. */
    static class PoolRegistry {
        private final Map<String, BlockPool> byId = new HashMap<>();

        synchronized void add(BlockPool p) {
            byId.put(p.id(), p); // expect: LC007
        }

        void refresh(BlockPool p) {
            add(p);
        }
    }

    static class BlockPool {
        final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        final PoolRegistry registry = new PoolRegistry();
        private String id;

        String id() {
            rw.readLock().lock();
            try {
                return id;
            } finally {
                rw.readLock().unlock();
            }
        }

        void start(String newId) {
            rw.writeLock().lock();
            try {
                id = newId;
                registry.add(this); // expect: LC007
            } finally {
                rw.writeLock().unlock();
            }
        }
    }

    /**
     * Fixed: the registry is reached only from start(), through a helper that holds nothing, and
     * start() holds the pool's write lock: the read in add() is the same thread's re-entry.
     */
    static class FixedPoolRegistry {
        private final Map<String, FixedBlockPool> byId = new HashMap<>();

        synchronized void add(FixedBlockPool p) {
            byId.put(p.id(), p);
        }
    }

    static class FixedBlockPool {
        final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        final FixedPoolRegistry registry = new FixedPoolRegistry();
        private String id;

        String id() {
            rw.readLock().lock();
            try {
                return id;
            } finally {
                rw.readLock().unlock();
            }
        }

        void start(String newId) {
            rw.writeLock().lock();
            try {
                id = newId;
                publish();
            } finally {
                rw.writeLock().unlock();
            }
        }

        private void publish() {
            registry.add(this);
        }
    }

    /**
     * Look-alike, still reported: every caller of add() holds a lock, but not the one add() takes
     * inside (the pool's own lock is another class's here), so the order is new.
     */
    static class GuardedRegistry {
        final Object gate = new Object();
        private final Map<String, GuardedPool> byId = new HashMap<>();

        synchronized void add(GuardedPool p) {
            byId.put(p.id(), p); // expect: LC007
        }

        void refresh(GuardedPool p) {
            synchronized (gate) {
                add(p);
            }
        }
    }

    static class GuardedPool {
        final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        final GuardedRegistry registry = new GuardedRegistry();
        private String id;

        String id() {
            rw.readLock().lock();
            try {
                return id;
            } finally {
                rw.readLock().unlock();
            }
        }

        void start(String newId) {
            rw.writeLock().lock();
            try {
                id = newId;
                registry.add(this); // expect: LC007
            } finally {
                rw.writeLock().unlock();
            }
        }
    }
}
