// Deadlock through an asReadLock() view kept in a field: total() holds readView (the read side of sl) and waits on a
// task that takes a read stamp of sl in countReserved(). With restock() queued for the write stamp, the task's new
// read parks behind it; restock waits for total's hold; total waits for the task. Read-read: LC001 only.
package heldout.handoff.stamped3;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;

public class Inventory {
    private final StampedLock sl = new StampedLock();
    private final Lock readView = sl.asReadLock();
    private final Map<String, Integer> stock = new HashMap<>();
    private final Map<String, Integer> reserved = new HashMap<>();
    private final ExecutorService pool;

    public Inventory(ExecutorService pool) {
        this.pool = pool;
    }

    public int total(String sku) throws InterruptedException, ExecutionException {
        readView.lock();
        try {
            Future<Integer> held = pool.submit(() -> countReserved(sku));
            return stock.getOrDefault(sku, 0) - held.get(); // expect: LC001 error
        } finally {
            readView.unlock();
        }
    }

    private int countReserved(String sku) {
        long stamp = sl.readLock();
        try {
            return reserved.getOrDefault(sku, 0);
        } finally {
            sl.unlockRead(stamp);
        }
    }

    public void restock(String sku, int n) {
        long stamp = sl.writeLock();
        try {
            stock.merge(sku, n, Integer::sum);
        } finally {
            sl.unlockWrite(stamp);
        }
    }
}
