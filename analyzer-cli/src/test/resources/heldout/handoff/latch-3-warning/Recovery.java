// Warning: query() holds journal.read across replayed.await(); the only countDown is in markReplayed(), a public
// method nobody in the sources calls. Whoever calls it (a recovery driver outside the sources) may first read or
// write the journal through this class; the sources cannot say, so: not an error, not clean.
package heldout.handoff.latch3;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Recovery {
    private final ReentrantReadWriteLock journal = new ReentrantReadWriteLock();
    private final List<String> records = new ArrayList<>();
    private final CountDownLatch replayed = new CountDownLatch(1);

    public void markReplayed() {
        replayed.countDown();
    }

    public List<String> query(String prefix) throws InterruptedException {
        journal.readLock().lock();
        try {
            replayed.await(); // expect: LC001 warning
            List<String> out = new ArrayList<>();
            for (String r : records) {
                if (r.startsWith(prefix)) {
                    out.add(r);
                }
            }
            return out;
        } finally {
            journal.readLock().unlock();
        }
    }

    public void append(String record) {
        journal.writeLock().lock();
        try {
            records.add(record);
        } finally {
            journal.writeLock().unlock();
        }
    }
}
