// Models: two lock maps: the family held across a hand-off is never write-acquired anywhere (no writer, no report); the other family has writers but no hand-off.
package heldout.family5;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class TenantRegistry {
    private final Map<String, ReentrantReadWriteLock> auditLocks = new ConcurrentHashMap<>();
    private final Map<String, ReentrantReadWriteLock> quotaLocks = new ConcurrentHashMap<>();
    private final Map<String, Long> quotas = new HashMap<>();
    private final BlockingQueue<String> audit = new LinkedBlockingQueue<>(32);

    private static ReentrantReadWriteLock of(Map<String, ReentrantReadWriteLock> family, String tenant) {
        return family.computeIfAbsent(tenant, t -> new ReentrantReadWriteLock());
    }

    public void recordAccess(String tenant) throws InterruptedException {
        ReentrantReadWriteLock l = of(auditLocks, tenant);
        l.readLock().lock();
        try {
            audit.put(tenant);
        } finally {
            l.readLock().unlock();
        }
    }

    public void auditLoop() throws InterruptedException {
        while (true) {
            String tenant = audit.take();
            ReentrantReadWriteLock l = of(auditLocks, tenant);
            l.readLock().lock();
            try {
                System.out.println("access by " + tenant);
            } finally {
                l.readLock().unlock();
            }
        }
    }

    public void setQuota(String tenant, long bytes) {
        ReentrantReadWriteLock l = of(quotaLocks, tenant);
        l.writeLock().lock();
        try {
            quotas.put(tenant, bytes);
        } finally {
            l.writeLock().unlock();
        }
    }
}
