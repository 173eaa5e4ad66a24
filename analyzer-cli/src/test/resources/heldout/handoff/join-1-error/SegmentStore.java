// Deadlock with no third thread: compactNow() holds lock.read, starts a Compactor and joins it; Compactor.run calls
// rewrite(), which asks for lock.write and waits for compactNow's read hold, while compactNow waits for run to end.
// LC008 as well: compactNow started the thread and its run takes the held lock exclusively.
package heldout.handoff.join1;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class SegmentStore {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<byte[]> segments = new ArrayList<>();

    public int compactNow() throws InterruptedException {
        lock.readLock().lock();
        try {
            int before = segments.size();
            Thread c = new Compactor(this);
            c.start();
            c.join(); // expect: LC001 error LC008 error
            return before;
        } finally {
            lock.readLock().unlock();
        }
    }

    void rewrite() {
        lock.writeLock().lock();
        try {
            List<byte[]> merged = new ArrayList<>();
            int total = 0;
            for (byte[] s : segments) {
                total += s.length;
            }
            merged.add(new byte[total]);
            segments.clear();
            segments.addAll(merged);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
