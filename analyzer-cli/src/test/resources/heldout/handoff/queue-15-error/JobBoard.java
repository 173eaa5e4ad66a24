// Deadlock with a non-static inner class as the consumer: post() holds board.read across put on a bounded queue
// (capacity 2); the inner Worker (started in the constructor) takes a job and calls claim(), which asks for
// board.write through the outer instance. claim waits for post's read hold, post waits for room in the queue.
package heldout.handoff.queue15;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class JobBoard {
    private final ReentrantReadWriteLock board = new ReentrantReadWriteLock();
    private final Map<String, String> owners = new HashMap<>();
    private final BlockingQueue<String> open = new LinkedBlockingQueue<>(2);

    public JobBoard() {
        new Thread(new Worker("w1"), "worker").start();
    }

    public void post(String job) throws InterruptedException {
        board.readLock().lock();
        try {
            if (!owners.containsKey(job)) {
                open.put(job); // expect: LC001 error
            }
        } finally {
            board.readLock().unlock();
        }
    }

    private void claim(String job, String who) {
        board.writeLock().lock();
        try {
            owners.put(job, who);
        } finally {
            board.writeLock().unlock();
        }
    }

    private final class Worker implements Runnable {
        private final String name;

        Worker(String name) {
            this.name = name;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    String job = open.take();
                    claim(job, name);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
