// Clean: lookupAll() holds words.read across put and the consumer re-reads under words.read after each take
// (the seed shape), but nothing in the sources ever takes words.write: without a writer no reader can park behind
// one, so the consumer always gets its read hold. No writer, no report.
package heldout.handoff.queue12;

import java.util.List;
import java.util.Set;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Dictionary {
    private final ReentrantReadWriteLock words = new ReentrantReadWriteLock();
    private final Set<String> known;
    private final SynchronousQueue<String> checks = new SynchronousQueue<>();

    public Dictionary(Set<String> known) {
        this.known = Set.copyOf(known);
        new Thread(this::checker, "checker").start();
    }

    public void lookupAll(List<String> text) throws InterruptedException {
        words.readLock().lock();
        try {
            for (String w : text) {
                checks.put(w);
            }
        } finally {
            words.readLock().unlock();
        }
    }

    private void checker() {
        try {
            while (true) {
                String w = checks.take();
                if (!isKnown(w)) {
                    System.out.println("unknown: " + w);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean isKnown(String w) {
        words.readLock().lock();
        try {
            return known.contains(w);
        } finally {
            words.readLock().unlock();
        }
    }
}
