// Shared shape of the scheduler-* cases: a Scheduler thread (extends Thread); schedule() holds the scheduler and
// arms a job (Scheduler -> Job); the scheduler thread fires due jobs, and a firing job holds itself and reports
// back (Job -> Scheduler). Why this case can or cannot deadlock: the first lines of Node.java.
package heldout.phases.scheduler1;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class Scheduler extends Thread {
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private int fired;

    public Scheduler() {
        super("scheduler");
    }

    public synchronized void schedule(String name, long delayMillis) {
        Job job = jobs.get(name);
        if (job == null) {
            job = new Job(name);
            jobs.put(name, job);
        }
        job.arm(delayMillis);
    }

    @Override
    public void run() {
        while (!isInterrupted()) {
            for (Job job : snapshot()) {
                job.fireIfDue(this);
            }
            Thread.onSpinWait();
        }
    }

    private synchronized List<Job> snapshot() {
        return new ArrayList<>(jobs.values());
    }

    synchronized void jobFired(String name) {
        fired++;
    }
}

final class Job {
    private final String name;
    private long dueAt;

    Job(String name) {
        this.name = name;
    }

    synchronized void arm(long delayMillis) {
        dueAt = System.currentTimeMillis() + delayMillis;
    }

    synchronized void fireIfDue(Scheduler scheduler) {
        if (dueAt != 0 && System.currentTimeMillis() >= dueAt) {
            dueAt = 0;
            scheduler.jobFired(name);
        }
    }
}
