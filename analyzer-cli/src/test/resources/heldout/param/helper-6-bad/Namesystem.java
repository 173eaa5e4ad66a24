// Models: HDFS-style writeLock()/readLock() wrappers over doLock(boolean); a checkpoint holds the write lock while waiting for a pooled task that takes the read lock.
package heldout.helper6;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Namesystem {
    private final ReentrantReadWriteLock coarseLock = new ReentrantReadWriteLock(true);
    private final List<String> edits = new ArrayList<>();
    private final ExecutorService saver;

    public Namesystem(ExecutorService saver) {
        this.saver = saver;
    }

    private void doLock(boolean write) {
        if (write) {
            coarseLock.writeLock().lock();
        } else {
            coarseLock.readLock().lock();
        }
    }

    private void doUnlock(boolean write) {
        if (write) {
            coarseLock.writeLock().unlock();
        } else {
            coarseLock.readLock().unlock();
        }
    }

    public void readLock() {
        doLock(false);
    }

    public void readUnlock() {
        doUnlock(false);
    }

    public void writeLock() {
        doLock(true);
    }

    public void writeUnlock() {
        doUnlock(true);
    }

    int snapshotSize() {
        readLock();
        try {
            return edits.size();
        } finally {
            readUnlock();
        }
    }

    public int saveCheckpoint() throws InterruptedException, ExecutionException {
        writeLock();
        try {
            edits.add("checkpoint");
            Future<Integer> saved = saver.submit(this::snapshotSize);
            return saved.get(); // expect: LC008
        } finally {
            writeUnlock();
        }
    }
}
