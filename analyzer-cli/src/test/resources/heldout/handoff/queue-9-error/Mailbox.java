// Deadlock on a take: receive() holds state.read while taking from an empty queue; the only producer, deliver(),
// run by the postman thread, asks for state.write before it puts. The write waits for receive's read hold, the
// take waits for the put. The counterpart of a take is the code that puts into the same queue.
package heldout.handoff.queue9;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Mailbox {
    private final ReentrantReadWriteLock state = new ReentrantReadWriteLock();
    private final Deque<String> archive = new ArrayDeque<>();
    private final LinkedBlockingQueue<String> inbox = new LinkedBlockingQueue<>();

    public Mailbox() {
        new Thread(() -> {
            for (int i = 0; ; i++) {
                deliver("letter-" + i);
            }
        }, "postman").start();
    }

    public String receive() throws InterruptedException {
        state.readLock().lock();
        try {
            String last = archive.peekLast();
            String next = inbox.take(); // expect: LC001 error
            return last == null ? next : last + "," + next;
        } finally {
            state.readLock().unlock();
        }
    }

    private void deliver(String letter) {
        state.writeLock().lock();
        try {
            archive.addLast(letter);
            inbox.put(letter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            state.writeLock().unlock();
        }
    }
}
