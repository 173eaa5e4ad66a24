package lockcheck.samples.lc003;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;
import lockcheck.samples.Demo;

/** StampedLock is not reentrant: a second acquisition by the holder waits for itself. */
public class StampedNesting {
    private final StampedLock sl = new StampedLock();
    private double x = 3;
    private double y = 4;

    double ratio() {
        long stamp = sl.readLock();
        try {
            return (x + y) / norm(); // expect: LC003
        } finally {
            sl.unlockRead(stamp);
        }
    }

    double norm() {
        long s = sl.readLock();
        try {
            return Math.hypot(x, y);
        } finally {
            sl.unlockRead(s);
        }
    }

    void resetTwice() {
        long w = sl.writeLock();
        try {
            x = 0;
            long w2 = sl.writeLock(); // expect: LC003
            sl.unlockWrite(w2);
        } finally {
            sl.unlockWrite(w);
        }
    }

    void moveViaViews(double dx) {
        Lock read = sl.asReadLock();
        read.lock();
        try {
            if (x + dx > 0) {
                move(dx); // expect: LC003
            }
        } finally {
            read.unlock();
        }
    }

    void move(double dx) {
        long s = sl.writeLock();
        try {
            x += dx;
        } finally {
            sl.unlockWrite(s);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        StampedNesting p = new StampedNesting();
        Thread t = Demo.start("resetter", p::resetTwice);
        Demo.expectCompletion("StampedLock write re-acquired by its holder", 2000, t);
    }
}
