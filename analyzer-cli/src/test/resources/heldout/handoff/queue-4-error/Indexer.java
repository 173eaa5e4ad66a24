// Deadlock: index() holds segments.read across put on a bounded queue (capacity 8, so put blocks when full).
// The queue goes through a constructor into Flusher, whose loop takes a document and calls Indexer.contains(),
// a first read hold. With merge() queued for the write lock, the flusher parks, the queue stays full, index() waits.
package heldout.handoff.queue4;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Indexer {
    private final ReentrantReadWriteLock segments = new ReentrantReadWriteLock();
    private final Set<String> indexed = new HashSet<>();
    private final BlockingQueue<String> pending = new ArrayBlockingQueue<>(8);

    public Indexer() {
        new Thread(new Flusher(pending, this), "flusher").start();
    }

    public void index(String doc) throws InterruptedException {
        segments.readLock().lock();
        try {
            if (!indexed.contains(doc)) {
                pending.put(doc); // expect: LC001 error
            }
        } finally {
            segments.readLock().unlock();
        }
    }

    boolean contains(String doc) {
        segments.readLock().lock();
        try {
            return indexed.contains(doc);
        } finally {
            segments.readLock().unlock();
        }
    }

    public void merge(Set<String> docs) {
        segments.writeLock().lock();
        try {
            indexed.addAll(docs);
        } finally {
            segments.writeLock().unlock();
        }
    }
}
