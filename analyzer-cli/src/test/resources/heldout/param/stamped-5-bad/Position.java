// Models: an optimistic read whose fallback branch takes a read stamp; on that branch the later write request still holds it (self-deadlock on one path only).
package heldout.stamped5;

import java.util.concurrent.locks.StampedLock;

public class Position {
    private static final double LIMIT = 1_000.0;

    private final StampedLock sl = new StampedLock();
    private double x;
    private double y;

    public boolean pullBackIfFar() {
        long stamp = sl.tryOptimisticRead();
        double cx = x;
        double cy = y;
        boolean readLocked = false;
        if (!sl.validate(stamp)) {
            stamp = sl.readLock();
            readLocked = true;
            cx = x;
            cy = y;
        }
        try {
            double d = Math.hypot(cx, cy);
            if (d <= LIMIT) {
                return false;
            }
            long ws = sl.writeLock(); // expect: LC003
            try {
                x = cx * LIMIT / d;
                y = cy * LIMIT / d;
            } finally {
                sl.unlockWrite(ws);
            }
            return true;
        } finally {
            if (readLocked) {
                sl.unlockRead(stamp);
            }
        }
    }
}
