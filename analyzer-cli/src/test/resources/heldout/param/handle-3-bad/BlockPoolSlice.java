// Models: Hadoop AutoCloseableLock wrapping an RRWL (library type, no stub here): the read handle is held across a BlockingQueue.put whose consumer takes the same read handle.
package heldout.handle3;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.hadoop.util.AutoCloseableLock;

public class BlockPoolSlice {
    private final ReentrantReadWriteLock datasetRwLock = new ReentrantReadWriteLock(true);
    private final AutoCloseableLock datasetReadLock = new AutoCloseableLock(datasetRwLock.readLock());
    private final AutoCloseableLock datasetWriteLock = new AutoCloseableLock(datasetRwLock.writeLock());
    private final List<Long> replicas = new ArrayList<>();
    private final BlockingQueue<Long> deletions = new ArrayBlockingQueue<>(16);

    public void scheduleDeletes(long olderThan) throws InterruptedException {
        try (AutoCloseableLock l = datasetReadLock.acquire()) {
            for (Long id : replicas) {
                if (id < olderThan) {
                    deletions.put(id); // expect: LC001
                }
            }
        }
    }

    /** Runs on the deleter thread. */
    public void deleteLoop() throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            long id = deletions.take();
            try (AutoCloseableLock l = datasetReadLock.acquire()) {
                System.out.println("deleting " + id + " of " + replicas.size());
            }
        }
    }

    public void addReplica(long id) {
        try (AutoCloseableLock l = datasetWriteLock.acquire()) {
            replicas.add(id);
        }
    }
}
