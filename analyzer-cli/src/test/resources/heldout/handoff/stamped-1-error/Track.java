// Deadlock with a StampedLock read stamp: replay() holds a read stamp across put on a SynchronousQueue; the player
// takes each point and calls distanceTo(), which asks for its own read stamp. With move() queued for the write stamp,
// StampedLock parks the new reader behind the writer: player -> writer -> replay -> player.
package heldout.handoff.stamped1;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.StampedLock;

public class Track {
    private final StampedLock sl = new StampedLock();
    private final double[] xs = new double[64];
    private final double[] ys = new double[64];
    private double x, y;
    private final SynchronousQueue<Integer> points = new SynchronousQueue<>();

    public Track() {
        new Thread(this::play, "player").start();
    }

    public void replay() throws InterruptedException {
        long stamp = sl.readLock();
        try {
            for (int i = 0; i < xs.length; i++) {
                points.put(i); // expect: LC001 error
            }
        } finally {
            sl.unlockRead(stamp);
        }
    }

    private void play() {
        try {
            while (true) {
                int i = points.take();
                System.out.println(i + ": " + distanceTo(xs[i], ys[i]));
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
