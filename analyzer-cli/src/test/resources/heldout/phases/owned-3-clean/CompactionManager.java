// Clean (ReentrantLock, owned planner): `compaction` is a local initialised with `new Compaction()`; both addTask
// calls (Planner.lock -> Task.lock) run before start() starts any task thread, and the planner is reachable only
// through the compaction's final field, so no thread can wait for Planner.lock then: Task.lock -> Planner.lock of
// the running tasks inverts nothing.
package heldout.phases.owned3;

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
