// Clean: the plan is published (added to the static ACTIVE list read by a status thread) only after its last
// transferFiles call; every path to Coordinator -> Session still runs while the plan is confined to the thread that
// made it. The status thread only calls describe() (coordinator monitor alone), so nothing inverts the order.
package heldout.phases.plan4;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public final class RepairService {
    static final List<Plan> ACTIVE = new CopyOnWriteArrayList<>();

    public void repair(String peer) {
        Plan plan = new Plan("repair " + peer);
        plan.transferFiles(peer, "nb-1-big-Data.db").transferFiles(peer, "nb-2-big-Data.db");
        ACTIVE.add(plan);
        plan.execute();
    }

    public void startStatusThread() {
        new Thread(() -> {
            for (Plan plan : ACTIVE) {
                System.out.println(plan.describe());
            }
        }, "repair-status").start();
    }

    public static void main(String[] args) {
        RepairService service = new RepairService();
        service.startStatusThread();
        service.repair("10.0.0.2");
    }
}
