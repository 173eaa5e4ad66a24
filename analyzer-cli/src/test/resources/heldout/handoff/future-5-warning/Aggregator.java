// Warning: merge() holds parts.read across Future.get of a future received as a parameter. Whatever computes it is
// not in view (any caller may pass a task that reads or writes through this Aggregator), so the sources cannot
// show the deadlock nor rule it out. parts has a writer (add).
package heldout.handoff.future5;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Aggregator {
    private final ReentrantReadWriteLock parts = new ReentrantReadWriteLock();
    private final List<Integer> values = new ArrayList<>();

    public int merge(Future<Integer> remote) throws InterruptedException, ExecutionException {
        parts.readLock().lock();
        try {
            int sum = 0;
            for (int v : values) {
                sum += v;
            }
            return sum + remote.get(); // expect: LC001 warning
        } finally {
            parts.readLock().unlock();
        }
    }

    public void add(int v) {
        parts.writeLock().lock();
        try {
            values.add(v);
        } finally {
            parts.writeLock().unlock();
        }
    }
}
