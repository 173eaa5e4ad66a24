// Models: the one JobListener implementation: a non-blocking offer to an unbounded queue, drained by its own thread that completes jobs (write lock, no lock held while waiting).
package heldout.listener4;

import java.util.concurrent.LinkedBlockingQueue;

public class AuditTrail implements JobQueue.JobListener {
    private final LinkedBlockingQueue<String> log = new LinkedBlockingQueue<>();
    private JobQueue queue;

    public void attach(JobQueue queue) {
        this.queue = queue;
    }

    @Override
    public void jobAdded(String id) {
        log.offer(id);
    }

    /** Runs on the audit thread. */
    public void drain() throws InterruptedException {
        while (true) {
            String id = log.take();
            queue.complete(id);
        }
    }
}
