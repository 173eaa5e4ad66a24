package lockcheck.samples.runtime;

import java.util.concurrent.locks.StampedLock;

/**
 * A StampedLock read stamp taken again by the thread that holds one. It passes here (no writer is
 * waiting), but StampedLock is not reentrant: with a writer queued between the two reads, the
 * inner read blocks forever. The agent reports LC205 before the inner acquisition.
 */
public final class StampedLockNesting {
    private final StampedLock lock = new StampedLock();
    private double x;
    private double y;

    double length() {
        long stamp = lock.readLock();
        try {
            return Math.sqrt(x * x + sumOfSquaresY()); // expect: LC003
        } finally {
            lock.unlockRead(stamp);
        }
    }

    private double sumOfSquaresY() {
        long stamp = lock.readLock();
        try {
            return y * y;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    void move(double dx, double dy) {
        long stamp = lock.writeLock();
        try {
            x += dx;
            y += dy;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    public static void main(String[] args) {
        StampedLockNesting s = new StampedLockNesting();
        s.move(3, 4);
        System.out.println("length " + s.length());
    }
}
