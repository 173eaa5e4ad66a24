package lockcheck.samples.counterparts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * LC001 warning: the same put under the read lock, but the queue is handed out by a public getter
 * and nothing in these sources takes from it. Whether the taker needs the lock is not in the
 * sources: a warning, not an error and not silence.
 */
public class TakerUnknown {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final BlockingQueue<String> out = new ArrayBlockingQueue<>(16);
    private final List<String> rows = new ArrayList<>();

    public BlockingQueue<String> output() {
        return out;
    }

    void export() throws InterruptedException {
        rw.readLock().lock();
        try {
            for (String r : rows) out.put(r); // expect: LC001
        } finally {
            rw.readLock().unlock();
        }
    }

    void add(String r) {
        rw.writeLock().lock();
        try {
            rows.add(r);
        } finally {
            rw.writeLock().unlock();
        }
    }
}
