package lockcheck.samples.shapes;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.Lock;

/**
 * Real-code shapes across files: the lock is an inherited field, taken through a local alias, and
 * the blocking put is in an inherited helper declared in another file.
 */
public class AuditedStore extends BaseStore {
    public void audit(BlockingQueue<String> auditLog) throws InterruptedException {
        Lock r = lock.readLock();
        r.lock();
        try {
            for (String e : entries) {
                forward(auditLog, e); // expect: LC001
            }
        } finally {
            r.unlock();
        }
    }

    /** Fixed form: copy under the lock, forward after the release. */
    public void auditSnapshot(BlockingQueue<String> auditLog) throws InterruptedException {
        String[] copy;
        Lock r = lock.readLock();
        r.lock();
        try {
            copy = entries.toArray(new String[0]);
        } finally {
            r.unlock();
        }
        for (String e : copy) forward(auditLog, e);
    }
}
