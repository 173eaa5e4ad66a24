// Deadlock with a FutureTask run by a plain Thread: check() holds quotas.read and waits for the task, whose callable
// calls usage(), a first read hold on the "quota-probe" thread. grant() queued for quotas.write in between parks the
// probe; grant waits for check's hold; check waits for the task. Read-read: LC001 only.
package heldout.handoff.future4;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class QuotaManager {
    private final ReentrantReadWriteLock quotas = new ReentrantReadWriteLock();
    private final Map<String, Long> limits = new HashMap<>();
    private final Map<String, Long> used = new HashMap<>();

    public boolean check(String tenant, long bytes) throws InterruptedException, ExecutionException {
        quotas.readLock().lock();
        try {
            long limit = limits.getOrDefault(tenant, 0L);
            FutureTask<Long> probe = new FutureTask<>(() -> usage(tenant));
            new Thread(probe, "quota-probe").start();
            return probe.get() + bytes <= limit; // expect: LC001 error
        } finally {
            quotas.readLock().unlock();
        }
    }

    private long usage(String tenant) {
        quotas.readLock().lock();
        try {
            return used.getOrDefault(tenant, 0L);
        } finally {
            quotas.readLock().unlock();
        }
    }

    public void grant(String tenant, long limit) {
        quotas.writeLock().lock();
        try {
            limits.put(tenant, limit);
        } finally {
            quotas.writeLock().unlock();
        }
    }
}
