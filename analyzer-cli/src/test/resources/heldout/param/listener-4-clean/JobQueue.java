// Models: listeners fired under the read lock whose only implementation enqueues without blocking (offer on an unbounded queue); a separate worker does the writes.
package heldout.listener4;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class JobQueue {
    public interface JobListener {
        void jobAdded(String id);
    }

    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final List<String> jobs = new ArrayList<>();
    private final List<JobListener> listeners = new ArrayList<>();

    public JobQueue(JobListener first) {
        listeners.add(first);
    }

    public void announce() {
        rw.readLock().lock();
        try {
            for (String id : jobs) {
                for (JobListener l : listeners) {
                    l.jobAdded(id);
                }
            }
        } finally {
            rw.readLock().unlock();
        }
    }

    public void complete(String id) {
        rw.writeLock().lock();
        try {
            jobs.remove(id);
        } finally {
            rw.writeLock().unlock();
        }
    }
}
