// Clean: translate() holds terms.read across get() of a task that also takes terms.read (the future-2 shape), but
// terms is never write-acquired anywhere in the sources (filled once in the constructor, no writeLock call): no
// writer can queue, the task's read hold is always granted. No writer, no report.
package heldout.handoff.future11;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Glossary {
    private final ReentrantReadWriteLock terms = new ReentrantReadWriteLock();
    private final Map<String, String> entries;
    private final ExecutorService pool;

    public Glossary(Map<String, String> entries, ExecutorService pool) {
        this.entries = Map.copyOf(entries);
        this.pool = pool;
    }

    public String translate(String word) throws InterruptedException, ExecutionException {
        terms.readLock().lock();
        try {
            Future<String> plural = pool.submit(() -> lookup(word + "s"));
            String single = entries.getOrDefault(word, word);
            return single + "/" + plural.get();
        } finally {
            terms.readLock().unlock();
        }
    }

    private String lookup(String word) {
        terms.readLock().lock();
        try {
            return entries.getOrDefault(word, word);
        } finally {
            terms.readLock().unlock();
        }
    }
}
