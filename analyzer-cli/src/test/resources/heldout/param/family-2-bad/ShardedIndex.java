// Models: a striped index (locks kept in a list, chosen by hash) that holds a stripe's read lock across a bounded-queue put; the consumer reads a stripe, writers write stripes.
package heldout.family2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class ShardedIndex {
    private static final int STRIPES = 16;

    private final List<ReadWriteLock> stripes = new ArrayList<>(STRIPES);
    private final Map<String, Integer> postings = new HashMap<>();
    private final BlockingQueue<String> changed = new ArrayBlockingQueue<>(64);

    public ShardedIndex() {
        for (int i = 0; i < STRIPES; i++) {
            stripes.add(new ReentrantReadWriteLock());
        }
    }

    private ReadWriteLock stripeFor(String term) {
        return stripes.get(Math.floorMod(term.hashCode(), STRIPES));
    }

    public void announce(String term) throws InterruptedException {
        ReadWriteLock stripe = stripeFor(term);
        stripe.readLock().lock();
        try {
            if (postings.containsKey(term)) {
                changed.put(term); // expect: LC001
            }
        } finally {
            stripe.readLock().unlock();
        }
    }

    /** Runs on the replication thread. */
    public void replicate() throws InterruptedException {
        while (true) {
            String term = changed.take();
            ReadWriteLock stripe = stripeFor(term);
            stripe.readLock().lock();
            try {
                System.out.println(term + " " + postings.get(term));
            } finally {
                stripe.readLock().unlock();
            }
        }
    }

    public void index(String term) {
        ReadWriteLock stripe = stripeFor(term);
        stripe.writeLock().lock();
        try {
            postings.merge(term, 1, Integer::sum);
        } finally {
            stripe.writeLock().unlock();
        }
    }
}
