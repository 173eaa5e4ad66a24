// Models: a point store read through a Snapshot handle; clamping inside the snapshot calls move(), which takes the write stamp (self-deadlock).
package heldout.stamped2;

import java.util.concurrent.locks.StampedLock;

public class PointStore {
    private final StampedLock lock = new StampedLock();
    private double x;
    private double y;

    public double clampedDistance(double max) {
        try (Snapshot s = Snapshot.open(lock)) {
            double d = Math.hypot(x, y);
            if (d > max) {
                move(x * max / d, y * max / d); // expect: LC003
                return max;
            }
            return d;
        }
    }

    public void move(double nx, double ny) {
        long stamp = lock.writeLock();
        try {
            x = nx;
            y = ny;
        } finally {
            lock.unlockWrite(stamp);
        }
    }
}
