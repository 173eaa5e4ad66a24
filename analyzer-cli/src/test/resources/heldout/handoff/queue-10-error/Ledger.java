// Deadlock through a generic helper: exportAll() holds accounts.read and calls pipe.send(), which puts into a
// bounded queue (capacity 1). The only receiver, the applier thread, calls apply() for each event, and apply takes
// accounts.write: it waits for exportAll's read hold, so the queue fills and send() never returns.
package heldout.handoff.queue10;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Ledger {
    private final ReentrantReadWriteLock accounts = new ReentrantReadWriteLock();
    private final Map<String, Long> balances = new HashMap<>();
    private final Pipe<Map.Entry<String, Long>> pipe = new Pipe<>(1);

    public Ledger() {
        new Thread(this::applyLoop, "applier").start();
    }

    public void exportAll() throws InterruptedException {
        accounts.readLock().lock();
        try {
            for (Map.Entry<String, Long> e : balances.entrySet()) {
                pipe.send(Map.entry(e.getKey() + "-mirror", e.getValue())); // expect: LC001 error
            }
        } finally {
            accounts.readLock().unlock();
        }
    }

    private void applyLoop() {
        try {
            while (true) {
                apply(pipe.receive());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void apply(Map.Entry<String, Long> event) {
        accounts.writeLock().lock();
        try {
            balances.merge(event.getKey(), event.getValue(), Long::sum);
        } finally {
            accounts.writeLock().unlock();
        }
    }
}
