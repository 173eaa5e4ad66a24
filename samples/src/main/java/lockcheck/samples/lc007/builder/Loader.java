package lockcheck.samples.lc007.builder;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * Clean look-alike (cassandra's SSTableLoader.stream building a StreamPlan): Coordinator.this ->
 * Session.this in Coordinator.transferStreams and Session.this -> Coordinator.this in Session.complete
 * are opposite orders, but the first is taken only on a plan that is a fresh local here, not yet
 * executed nor passed anywhere: no other thread can hold or wait for that coordinator then, so the
 * two orders can never meet. An early return that executes an empty plan does not run before the
 * transfers.
 */
public class Loader {
    private final Executor executor;

    public Loader(Executor executor) {
        this.executor = executor;
    }

    public void load(List<String> peers, Session session) {
        Plan plan = new Plan("load").retries(3).flush(false);
        if (peers.isEmpty()) {
            plan.execute(executor);
            return;
        }
        for (String peer : peers) {
            plan.transferStreams(peer, session);
        }
        plan.execute(executor);
    }
}
