// Clean: `scheduler` is a local initialised with `new Scheduler()`; both schedule calls (Scheduler -> Job) run
// before scheduler.start() (Thread.start, body not in the sources) starts the scheduler thread, so no thread can
// be firing a job or waiting for the scheduler's monitor then: the Job -> Scheduler order inverts nothing.
package heldout.phases.scheduler1;

public final class Node {
    public void startBackgroundTasks() {
        Scheduler scheduler = new Scheduler();
        scheduler.schedule("compaction", 50);
        scheduler.schedule("flush", 10);
        scheduler.start();
    }

    public static void main(String[] args) {
        new Node().startBackgroundTasks();
    }
}
