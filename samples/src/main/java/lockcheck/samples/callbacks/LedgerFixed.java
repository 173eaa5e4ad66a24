package lockcheck.samples.callbacks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The fixed form of the anonymous callback that waits, under {@link Transactions}'s lock, for a task
 * needing that lock (the bad form: {@link Ledger}, whose file names no lock: the default scan parses
 * it as a caller of the tx's helper), and its clean look-alikes: the task is waited for outside the
 * transaction; a callback that waits for a task needing no lock; a callback the tx only
 * queues (it runs enqueue, not under the lock).
 */
public class LedgerFixed {
    private final Transactions tx;
    private final ExecutorService pool;
    private final List<String> entries = new ArrayList<>();
    private final List<Transactions.Unit<?>> queue = new ArrayList<>();

    public LedgerFixed(Transactions tx, ExecutorService pool) {
        this.tx = tx;
        this.pool = pool;
    }

    int countEntries() throws Exception {
        return tx.within(entries::size);
    }

    int countCached() {
        return entries.size();
    }

    public String build() throws Exception {
        Future<Integer> total = pool.submit(LedgerFixed.this::countEntries);
        int n = total.get();
        return tx.within(new Transactions.Unit<String>() {
            @Override
            public String apply() {
                return "entries: " + n;
            }
        });
    }

    public String buildWithoutLockInTask() throws Exception {
        return tx.within(new Transactions.Unit<String>() {
            @Override
            public String apply() throws Exception {
                Future<Integer> total = pool.submit(LedgerFixed.this::countCached);
                return "entries: " + total.get();
            }
        });
    }

    public void buildLater() {
        tx.enqueue(new Transactions.Unit<String>() {
            @Override
            public String apply() throws Exception {
                Future<Integer> total = pool.submit(LedgerFixed.this::countEntries);
                return "entries: " + total.get();
            }
        }, queue);
    }
}
