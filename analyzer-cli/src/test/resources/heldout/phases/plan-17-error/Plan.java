// Shared shape of the plan-* cases (Cassandra StreamPlan / StreamCoordinator / StreamSession): a plan owns its
// coordinator (final field, `new` in the constructor); Coordinator.transfer holds the coordinator and locks a
// session (Coordinator -> Session), a running session holds itself and calls back (Session -> Coordinator).
// Why this case can or cannot deadlock: the first lines of the driver file.
package heldout.phases.plan17;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public final class Plan {
    private final Coordinator coordinator;
    private long timeoutMillis = 60_000;

    public Plan(String description) {
        this.coordinator = new Coordinator(description);
    }

    public Plan withTimeout(long millis) {
        this.timeoutMillis = millis;
        return this;
    }

    public Plan transferFiles(String peer, String file) {
        coordinator.transfer(peer, file);
        return this;
    }

    public String describe() {
        return coordinator.describe() + " timeout=" + timeoutMillis;
    }

    public void execute() {
        coordinator.startAll();
    }
}

final class Coordinator {
    private final String description;
    private final Map<String, Session> sessions = new HashMap<>();
    private int completed;

    Coordinator(String description) {
        this.description = description;
    }

    synchronized void transfer(String peer, String file) {
        Session session = sessions.get(peer);
        if (session == null) {
            session = new Session(peer);
            sessions.put(peer, session);
        }
        session.addFile(file); // expect: LC007 error
    }

    synchronized String describe() {
        return description + " peers=" + sessions.keySet() + " completed=" + completed;
    }

    void startAll() {
        List<Session> toStart;
        synchronized (this) {
            toStart = new ArrayList<>(sessions.values());
        }
        for (Session session : toStart) {
            session.start(this);
        }
    }

    synchronized void sessionCompleted(String peer) {
        completed++;
    }
}

final class Session implements Runnable {
    private final String peer;
    private final List<String> files = new ArrayList<>();
    private Coordinator coordinator;
    private int sent;

    Session(String peer) {
        this.peer = peer;
    }

    synchronized void addFile(String file) {
        files.add(file);
    }

    synchronized void start(Coordinator owner) {
        this.coordinator = owner;
        new Thread(this, "stream-" + peer).start();
    }

    @Override
    public void run() {
        while (sendNext()) {
            Thread.onSpinWait();
        }
    }

    private synchronized boolean sendNext() {
        if (sent < files.size()) {
            sent++;
            return true;
        }
        coordinator.sessionCompleted(peer); // expect: LC007 error
        return false;
    }
}
