// Deadlock (start() already called, a method whose body is not in the sources): schedule("flush", 20) re-arms a
// job after scheduler.start(). Main holds the scheduler and waits for job flush's monitor (arm); the scheduler
// thread, firing flush, holds its monitor and waits for the scheduler in jobFired.
package heldout.phases.scheduler2;

public final class Node {
    public void startBackgroundTasks() {
        Scheduler scheduler = new Scheduler();
        scheduler.schedule("compaction", 50);
        scheduler.schedule("flush", 10);
        scheduler.start();
        scheduler.schedule("flush", 20);
    }

    public static void main(String[] args) {
        new Node().startBackgroundTasks();
    }
}
