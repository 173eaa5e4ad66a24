package lockcheck.samples.callbacks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Clean look-alike of {@link Outbox}: the method reference run under the read lock only copies; the puts come after. */
public class OutboxFixed {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final Deque<String> pending = new ArrayDeque<>();
    private final SynchronousQueue<String> wire = new SynchronousQueue<>();
    private final List<String> batch = new ArrayList<>();

    public void flush() throws InterruptedException {
        LockedRunner.inLock(rw.readLock(), this::copyPending);
        for (String m : batch) {
            wire.put(m);
        }
    }

    private void copyPending() {
        batch.clear();
        batch.addAll(pending);
    }

    /** Runs on the sender thread. */
    public void senderLoop() throws InterruptedException {
        while (true) {
            String m = wire.take();
            LockedRunner.inLock(rw.writeLock(), () -> pending.remove(m));
        }
    }
}
