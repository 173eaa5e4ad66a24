package lockcheck.samples.lc007.builder;

import java.util.ArrayList;
import java.util.List;

/** One peer's stream session; it tells its coordinator when it completes, holding its own monitor. */
public class Session {
    private final Coordinator coordinator;
    private final String name;
    private final List<String> streams = new ArrayList<>();

    public Session(Coordinator coordinator, String name) {
        this.coordinator = coordinator;
        this.name = name;
    }

    String name() {
        return name;
    }

    synchronized void addStream(String stream) {
        streams.add(stream);
    }

    public synchronized void complete() {
        streams.clear();
        coordinator.sessionDone(this);
    }
}
