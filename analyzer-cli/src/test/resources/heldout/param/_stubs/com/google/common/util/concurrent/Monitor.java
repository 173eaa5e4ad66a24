// Compile-only stub of Guava's com.google.common.util.concurrent.Monitor, NOT part of any case.
package com.google.common.util.concurrent;

import java.util.concurrent.locks.ReentrantLock;

public final class Monitor {
    private final ReentrantLock lock = new ReentrantLock();

    public void enter() {
        lock.lock();
    }

    public void leave() {
        lock.unlock();
    }

    public boolean isOccupiedByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }
}
