package lockcheck.samples.callbacks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * An anonymous-class callback run by {@link Transactions#within} under the tx's lock waits for
 * a pooled task that runs a transaction on the same tx (its lock): the task waits for the
 * lock, the callback for the task (LC008, reported inside the callback).
 */
public class Ledger {
    private final Transactions tx;
    private final ExecutorService pool;
    private final List<String> entries = new ArrayList<>();

    public Ledger(Transactions tx, ExecutorService pool) {
        this.tx = tx;
        this.pool = pool;
    }

    int countEntries() throws Exception {
        return tx.within(entries::size);
    }

    public String build() throws Exception {
        return tx.within(new Transactions.Unit<String>() {
            @Override
            public String apply() throws Exception {
                Future<Integer> total = pool.submit(Ledger.this::countEntries);
                return "entries: " + total.get(); // expect: LC008
            }
        });
    }
}
