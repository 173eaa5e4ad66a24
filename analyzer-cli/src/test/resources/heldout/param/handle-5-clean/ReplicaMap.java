// Models: Hadoop AutoCloseableLock (library type, no stub here): a legal downgrade (read handle taken inside the write handle) and a hand-off made after both handles closed.
package heldout.handle5;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.hadoop.util.AutoCloseableLock;

public class ReplicaMap {
    private final ReentrantReadWriteLock rwLock = new ReentrantReadWriteLock();
    private final AutoCloseableLock readLock = new AutoCloseableLock(rwLock.readLock());
    private final AutoCloseableLock writeLock = new AutoCloseableLock(rwLock.writeLock());
    private final Map<Long, String> replicas = new HashMap<>();
    private final BlockingQueue<String> reports = new LinkedBlockingQueue<>();

    public void addAndReport(long id, String state) throws InterruptedException {
        String report;
        try (AutoCloseableLock w = writeLock.acquire()) {
            replicas.put(id, state);
            try (AutoCloseableLock r = readLock.acquire()) {
                report = id + "=" + replicas.get(id);
            }
        }
        reports.put(report);
    }

    public String next() throws InterruptedException {
        String r = reports.take();
        try (AutoCloseableLock l = readLock.acquire()) {
            return r + " of " + replicas.size();
        }
    }
}
