// Clean (one fresh plan per loop iteration): each iteration initialises `plan` with a new Plan, calls transferFiles
// on it and only then executes it; the execute() of the previous iteration was on another object. Every
// Coordinator -> Session acquisition runs on a coordinator no session thread can reach yet, so nothing inverts the
// Session -> Coordinator callback of the sessions already running.
package heldout.phases.plan16;

import java.util.List;

public final class RepairTask {
    public void repairAll(List<String> peers) {
        for (String peer : peers) {
            Plan plan = new Plan("repair " + peer);
            plan.transferFiles(peer, "nb-1-big-Data.db");
            plan.transferFiles(peer, "nb-2-big-Data.db");
            plan.execute();
        }
    }

    public static void main(String[] args) {
        new RepairTask().repairAll(List.of("10.0.0.2", "10.0.0.3", "10.0.0.4"));
    }
}
