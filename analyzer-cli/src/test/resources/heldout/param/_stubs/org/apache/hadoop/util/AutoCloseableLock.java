// Compile-only stub of Hadoop's org.apache.hadoop.util.AutoCloseableLock (hadoop-common), NOT part of any case: the cases that use it are scanned without it.
package org.apache.hadoop.util;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

public class AutoCloseableLock implements AutoCloseable {
    private final Lock lock;

    public AutoCloseableLock() {
        this(new ReentrantLock());
    }

    public AutoCloseableLock(Lock lock) {
        this.lock = lock;
    }

    public AutoCloseableLock acquire() {
        lock.lock();
        return this;
    }

    public void release() {
        lock.unlock();
    }

    @Override
    public void close() {
        release();
    }

    public boolean tryLock() {
        return lock.tryLock();
    }

    public Condition newCondition() {
        return lock.newCondition();
    }
}
