// Deadlock (one caller fresh, another not): bootstrap() calls transferFiles on a fresh local (confined), but topUp()
// calls it on a plan looked up in the shared map, on the gossip thread, after bootstrap() executed it. The gossip
// thread holds the coordinator and waits for session 10.0.0.2; that session holds itself and waits for the coordinator.
package heldout.phases.plan8;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class StreamManager {
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();

    public void bootstrap(String id, String peer) {
        Plan plan = new Plan("bootstrap " + id);
        plan.transferFiles(peer, "nb-1-big-Data.db");
        plans.put(id, plan);
        plan.execute();
    }

    public void topUp(String id, String peer) {
        Plan plan = plans.get(id);
        if (plan != null) {
            plan.transferFiles(peer, "nb-2-big-Data.db");
        }
    }

    public static void main(String[] args) {
        StreamManager manager = new StreamManager();
        manager.bootstrap("b1", "10.0.0.2");
        new Thread(() -> manager.topUp("b1", "10.0.0.2"), "gossip").start();
    }
}
