package lockcheck.samples.callbacks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Bad: {@link #sendPending}, given as a method reference to {@link LockedRunner#inLock}, runs
 * under the read lock and blocks on a SynchronousQueue whose taker then needs the write lock (LC001,
 * reported at the call).
 */
public class Outbox {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final Deque<String> pending = new ArrayDeque<>();
    private final SynchronousQueue<String> wire = new SynchronousQueue<>();

    public void flush() throws InterruptedException {
        LockedRunner.inLock(rw.readLock(), this::sendPending); // expect: LC001
    }

    private void sendPending() throws InterruptedException {
        for (String m : pending) {
            wire.put(m);
        }
    }

    /** Runs on the sender thread. */
    public void senderLoop() throws InterruptedException {
        while (true) {
            String m = wire.take();
            LockedRunner.inLock(rw.writeLock(), () -> pending.remove(m));
        }
    }
}
