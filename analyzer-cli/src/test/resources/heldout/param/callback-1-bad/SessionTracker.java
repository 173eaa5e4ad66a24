// Models: a session tracker whose withRead lambda registers an unknown session through withWrite (read-to-write upgrade in the callback).
package heldout.callback1;

import java.util.HashMap;
import java.util.Map;

public class SessionTracker {
    private final Guarded<Map<String, Long>> sessions = new Guarded<>(new HashMap<>());

    public long lastSeen(String id, long now) {
        return sessions.withRead(m -> {
            Long seen = m.get(id);
            if (seen == null) {
                sessions.withWrite(w -> w.put(id, now)); // expect: LC002
                return now;
            }
            return seen;
        });
    }

    public void expire(long before) {
        sessions.withWrite(m -> m.values().removeIf(t -> t < before));
    }
}
