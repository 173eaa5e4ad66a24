// Clean: several builder calls in a loop, and a call to plan.describe() (body in the sources, publishes nothing)
// between them and execute(). Every transferFiles runs on the fresh local `plan` before any session thread exists,
// so no thread can be waiting for the coordinator's monitor while Coordinator -> Session is taken.
package heldout.phases.plan3;

import java.util.List;

public final class RebuildTask {
    public void rebuild(List<String> peers, String file) {
        Plan plan = new Plan("rebuild");
        for (String peer : peers) {
            plan.transferFiles(peer, file);
        }
        System.out.println("starting " + plan.describe());
        plan.execute();
    }

    public static void main(String[] args) {
        new RebuildTask().rebuild(List.of("10.0.0.2", "10.0.0.3"), "nb-7-big-Data.db");
    }
}
