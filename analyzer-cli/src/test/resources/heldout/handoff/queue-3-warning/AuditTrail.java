// Warning: record() holds entries.read across a put on a bounded queue whose only taker is outside the sources
// (the queue is handed out by a public getter to whatever log shipper the application wires in). If that taker
// ever reads through AuditTrail (size(), say) while a writer queues, nothing moves; the sources cannot tell.
package heldout.handoff.queue3;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class AuditTrail {
    private final ReentrantReadWriteLock entries = new ReentrantReadWriteLock();
    private final List<String> log = new ArrayList<>();
    private final BlockingQueue<String> outbound = new ArrayBlockingQueue<>(64);

    public BlockingQueue<String> outbound() {
        return outbound;
    }

    public void record(String user, String action) throws InterruptedException {
        entries.readLock().lock();
        try {
            String line = log.size() + " " + user + " " + action;
            outbound.put(line); // expect: LC001 warning
        } finally {
            entries.readLock().unlock();
        }
    }

    public int size() {
        entries.readLock().lock();
        try {
            return log.size();
        } finally {
            entries.readLock().unlock();
        }
    }

    public void append(String line) {
        entries.writeLock().lock();
        try {
            log.add(line);
        } finally {
            entries.writeLock().unlock();
        }
    }
}
