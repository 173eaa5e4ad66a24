// Deadlock (a public method with no caller in the sources takes the same order): Compaction.resubmit also reaches
// Planner.add, and nothing here calls it, so a library user can call it on a started compaction: the user thread
// holds Planner.lock and waits for task users' lock (reserve) while that task thread, finishing, holds its lock
// and waits for Planner.lock in taskDone. The addTask path below is confined; the resubmit path is not.
package heldout.phases.owned4;

public final class CompactionManager {
    public void submitBackground() {
        Compaction compaction = new Compaction();
        compaction.addTask("users").addTask("orders");
        compaction.start();
    }

    public static void main(String[] args) {
        new CompactionManager().submitBackground();
    }
}
