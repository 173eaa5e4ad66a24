// Models: a buffer pool built by a builder; it fires the inherited listener dispatch under its read lock, and the registered lambda calls back into the pool's write path.
package heldout.listener5;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class BufferPool extends Notifier {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Deque<byte[]> free = new ArrayDeque<>();
    private final String name;
    private final int capacity;
    private int inUse;

    private BufferPool(String name, int capacity) {
        this.name = name;
        this.capacity = capacity;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public static final class Builder {
        private final String name;
        private int capacity = 64;
        private boolean shrinkOnExhaustion;

        private Builder(String name) {
            this.name = name;
        }

        public Builder capacity(int capacity) {
            this.capacity = capacity;
            return this;
        }

        public Builder shrinkOnExhaustion() {
            this.shrinkOnExhaustion = true;
            return this;
        }

        public BufferPool build() {
            BufferPool pool = new BufferPool(name, capacity);
            if (shrinkOnExhaustion) {
                pool.addListener((n, used) -> pool.trim(used / 2));
            }
            return pool;
        }
    }

    public void checkPressure() {
        lock.readLock().lock();
        try {
            if (free.isEmpty() && inUse >= capacity) {
                fireExhausted(name, inUse); // expect: LC002
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    public void trim(int keep) {
        lock.writeLock().lock();
        try {
            while (free.size() > keep) {
                free.pop();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
