// Models: a StampedLock cache that, on a miss with autoCreate, asks for the write lock while still holding its read stamp (only on that branch).
package heldout.stamped1;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Function;

public class RouteCache {
    private final StampedLock sl = new StampedLock();
    private final Map<String, String> routes = new HashMap<>();

    public String route(String host, boolean autoCreate, Function<String, String> resolver) {
        long stamp = sl.readLock();
        try {
            String r = routes.get(host);
            if (r == null && autoCreate) {
                long ws = sl.writeLock(); // expect: LC003
                try {
                    r = resolver.apply(host);
                    routes.put(host, r);
                } finally {
                    sl.unlockWrite(ws);
                }
            }
            return r;
        } finally {
            sl.unlockRead(stamp);
        }
    }
}
