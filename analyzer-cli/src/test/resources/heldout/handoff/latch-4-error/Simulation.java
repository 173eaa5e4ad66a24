// Deadlock on a CyclicBarrier: each of the two stepper threads takes world.read, computes, then awaits the barrier
// still holding it. Stepper A arrives and waits; a reset() queues for world.write; stepper B's first read hold parks
// behind the writer, so B never reaches the barrier. A waits for B, B for the writer, the writer for A.
package heldout.handoff.latch4;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Simulation {
    private final ReentrantReadWriteLock world = new ReentrantReadWriteLock();
    private final double[] cells = new double[1024];
    private final double[] next = new double[1024];
    private final CyclicBarrier tick = new CyclicBarrier(2);

    public void start() {
        new Thread(() -> run(0), "stepper-0").start();
        new Thread(() -> run(1), "stepper-1").start();
    }

    private void run(int half) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                step(half);
            }
        } catch (InterruptedException | BrokenBarrierException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void step(int half) throws InterruptedException, BrokenBarrierException {
        world.readLock().lock();
        try {
            int from = half * cells.length / 2;
            for (int i = from; i < from + cells.length / 2; i++) {
                next[i] = (cells[i] + cells[(i + 1) % cells.length]) / 2;
            }
            tick.await(); // expect: LC001 error
        } finally {
            world.readLock().unlock();
        }
    }

    public void reset() {
        world.writeLock().lock();
        try {
            java.util.Arrays.fill(cells, 0.0);
        } finally {
            world.writeLock().unlock();
        }
    }
}
