// Models: the fixed sweep: ids are collected under the monitor, and computeIfPresent runs after the monitor is released, so the only order is bin lock -> monitor.
package heldout.binlock3;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
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
            synchronized (expiryLock) {
                expiryOrder.remove(out);
                expiryOrder.addLast(out);
            }
            return out;
        });
    }

    public void expire(long cutoff) {
        List<String> stale = new ArrayList<>();
        synchronized (expiryLock) {
            while (!expiryOrder.isEmpty() && expiryOrder.peekFirst().lastAccess < cutoff) {
                stale.add(expiryOrder.pollFirst().id);
            }
        }
        for (String id : stale) {
            sessions.computeIfPresent(id, (k, s) -> s.lastAccess < cutoff ? null : s);
        }
    }
}
