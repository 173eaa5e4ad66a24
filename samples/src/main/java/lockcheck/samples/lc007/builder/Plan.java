package lockcheck.samples.lc007.builder;

import java.util.concurrent.Executor;

/**
 * A plan built by one thread (fluent calls returning {@code this}), then executed: only
 * {@link #execute} hands its coordinator to other threads.
 */
public class Plan {
    private final String name;
    private final Coordinator coordinator;
    private boolean flush = true;

    public Plan(String name) {
        this.name = name;
        this.coordinator = new Coordinator();
    }

    public Plan retries(int n) {
        coordinator.setRetries(n);
        return this;
    }

    public Plan flush(boolean flush) {
        this.flush = flush;
        return this;
    }

    public Plan transferStreams(String peer, Session session) {
        coordinator.transferStreams(peer, session);
        return this;
    }

    public void execute(Executor executor) {
        for (Session s : coordinator.sessions()) executor.execute(s::complete);
    }

    @Override
    public String toString() {
        return name + (flush ? " (flush)" : "");
    }
}
