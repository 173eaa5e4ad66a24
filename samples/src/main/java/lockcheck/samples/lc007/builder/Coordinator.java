package lockcheck.samples.lc007.builder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the sessions of one transfer plan. {@link #transferStreams} takes Coordinator.this, then a
 * session's monitor; a running session reports back the other way round ({@link Session#complete}).
 * The first order is only ever taken while the plan is being built, by the thread building it.
 */
public class Coordinator {
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final List<String> done = new ArrayList<>();
    private int retries;

    void setRetries(int retries) {
        this.retries = retries;
    }

    synchronized void transferStreams(String peer, Session session) {
        sessions.put(peer, session);
        session.addStream(peer + "#" + retries);
    }

    synchronized void sessionDone(Session session) {
        done.add(session.name());
    }

    synchronized List<Session> sessions() {
        return new ArrayList<>(sessions.values());
    }
}
