// Models: the fixed form of a one-branch upgrade: the branch releases the read stamp before writing, or converts it with tryConvertToWriteLock.
package heldout.stamped3;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.StampedLock;

public class RouteCache {
    private final StampedLock sl = new StampedLock();
    private final Map<String, String> routes = new HashMap<>();

    public String route(String host, boolean autoCreate) {
        long stamp = sl.readLock();
        String r;
        try {
            r = routes.get(host);
        } finally {
            sl.unlockRead(stamp);
        }
        if (r == null && autoCreate) {
            long ws = sl.writeLock();
            try {
                r = routes.computeIfAbsent(host, h -> h + ":443");
            } finally {
                sl.unlockWrite(ws);
            }
        }
        return r;
    }

    public String routeOrPin(String host, String pinned) {
        long stamp = sl.readLock();
        try {
            String r = routes.get(host);
            if (r == null) {
                long ws = sl.tryConvertToWriteLock(stamp);
                if (ws != 0L) {
                    stamp = ws;
                    routes.put(host, pinned);
                    r = pinned;
                }
            }
            return r;
        } finally {
            sl.unlock(stamp);
        }
    }
}
