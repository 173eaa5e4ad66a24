// Clean look-alike of stamped-1: the position is read optimistically (no hold), or under a read stamp released
// before the handoff when validation fails; the put happens with no stamp held, so the player's read stamp only
// waits for a writer that itself waits for nobody.
package heldout.handoff.stamped2;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.StampedLock;

public class Track {
    private final StampedLock sl = new StampedLock();
    private double x, y;
    private final SynchronousQueue<double[]> points = new SynchronousQueue<>();

    public Track() {
        new Thread(this::play, "player").start();
    }

    public void publish() throws InterruptedException {
        long stamp = sl.tryOptimisticRead();
        double cx = x, cy = y;
        if (!sl.validate(stamp)) {
            stamp = sl.readLock();
            try {
                cx = x;
                cy = y;
            } finally {
                sl.unlockRead(stamp);
            }
        }
        points.put(new double[] {cx, cy});
    }

    private void play() {
        try {
            while (true) {
                double[] p = points.take();
                System.out.println(distanceTo(p[0], p[1]));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private double distanceTo(double px, double py) {
        long stamp = sl.readLock();
        try {
            return Math.hypot(x - px, y - py);
        } finally {
            sl.unlockRead(stamp);
        }
    }

    public void move(double nx, double ny) {
        long stamp = sl.writeLock();
        try {
            x = nx;
            y = ny;
        } finally {
            sl.unlockWrite(stamp);
        }
    }
}
