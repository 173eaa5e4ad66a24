// Clean: verify() holds blob.read across join() of a thread it started, whose Runnable lambda only hashes a copy
// of the bytes (no lock at all): a writer queued on blob cannot stop it, the join returns. Counterpart and the
// path to it are in the sources. blob has a writer (replace).
package heldout.handoff.join3;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Checksummer {
    private final ReentrantReadWriteLock blob = new ReentrantReadWriteLock();
    private byte[] bytes = new byte[0];

    public long verify() throws InterruptedException {
        blob.readLock().lock();
        try {
            byte[] copy = bytes.clone();
            AtomicLong sum = new AtomicLong();
            Thread hasher = new Thread(() -> sum.set(crc(copy)), "hasher");
            hasher.start();
            hasher.join();
            return sum.get();
        } finally {
            blob.readLock().unlock();
        }
    }

    private static long crc(byte[] data) {
        long h = 1125899906842597L;
        for (byte b : data) {
            h = 31 * h + b;
        }
        return h;
    }

    public void replace(byte[] data) {
        blob.writeLock().lock();
        try {
            bytes = data.clone();
        } finally {
            blob.writeLock().unlock();
        }
    }
}
