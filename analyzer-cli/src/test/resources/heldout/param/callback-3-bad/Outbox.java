// Models: an outbox whose flush, passed as a method reference to Locks.inLock under the read lock, blocks on a SynchronousQueue whose sender thread needs the write lock.
package heldout.callback3;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Outbox {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final Deque<String> pending = new ArrayDeque<>();
    private final SynchronousQueue<String> wire = new SynchronousQueue<>();

    public void flush() throws InterruptedException {
        Locks.inLock(rw.readLock(), this::sendPending); // expect: LC001
    }

    private void sendPending() throws InterruptedException {
        for (String m : pending) {
            wire.put(m);
        }
    }

    /** Runs on the sender thread: takes a message and acknowledges it. */
    public void senderLoop() throws InterruptedException {
        while (true) {
            String m = wire.take();
            Locks.inLock(rw.writeLock(), () -> pending.remove(m));
        }
    }
}
