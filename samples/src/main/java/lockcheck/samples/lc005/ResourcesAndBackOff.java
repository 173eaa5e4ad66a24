package lockcheck.samples.lc005;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Try-with-resources under a lock, and acquire-or-back-off helpers. Opening a resource happens
 * inside the try: if it throws, the finally still runs. A helper that releases only on its
 * failure path and otherwise returns holding the lock hands the lock to its caller.
 */
public class ResourcesAndBackOff {
    private final ReentrantLock lock = new ReentrantLock();
    private int read;

    /** Bad: the unlock after the try is skipped when open() or read() throws. */
    void leaksWhenOpenThrows() throws IOException {
        lock.lock(); // expect: LC005
        try (InputStream in = open()) {
            read += in.read();
        }
        lock.unlock();
    }

    /** Fixed: the finally covers the resource's opening too. */
    void resourceInsideTheFinally() throws IOException {
        lock.lock();
        try (InputStream in = open()) {
            read += in.read();
        } finally {
            lock.unlock();
        }
    }

    /** Look-alike: releases only when it gives up, and otherwise returns holding the lock for its caller. */
    void acquireOrBackOff() {
        lock.lock();
        try {
            if (!ready()) throw new IllegalStateException("not ready");
        } catch (RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    void usesTheHelper() {
        acquireOrBackOff();
        try {
            read++;
        } finally {
            lock.unlock();
        }
    }

    private boolean ready() {
        return read >= 0;
    }

    private static InputStream open() {
        return new ByteArrayInputStream(new byte[] {1});
    }
}
