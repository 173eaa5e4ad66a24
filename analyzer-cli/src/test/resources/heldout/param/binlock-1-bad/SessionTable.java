// Models: a session table whose compute() mapping function takes the expiry monitor (bin lock -> monitor), while the expiry sweep holds the monitor and calls computeIfPresent on the same map (monitor -> bin lock).
package heldout.binlock1;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

public class SessionTable {
    static final class Session {
        final String id;
        long lastAccess;

        Session(String id) {
            this.id = id;
        }
    }

    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final Object expiryLock = new Object();
    private final Deque<Session> expiryOrder = new ArrayDeque<>();

    public Session touch(String id, long now) {
        return sessions.compute(id, (k, s) -> {
            Session out = s == null ? new Session(k) : s;
            out.lastAccess = now;
            synchronized (expiryLock) { // expect: LC007
                expiryOrder.remove(out);
                expiryOrder.addLast(out);
            }
            return out;
        });
    }

    public void expire(long cutoff) {
        synchronized (expiryLock) {
            while (!expiryOrder.isEmpty() && expiryOrder.peekFirst().lastAccess < cutoff) {
                Session old = expiryOrder.pollFirst();
                sessions.computeIfPresent(old.id, (k, s) -> s.lastAccess < cutoff ? null : s); // expect: LC007
            }
        }
    }
}
