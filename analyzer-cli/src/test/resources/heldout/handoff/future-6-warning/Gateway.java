// Warning: forward() holds routes.read across get() of a future returned by a public getter of another object,
// filled by a public setter: the task behind it is not in the sources, so it may or may not read routes.
package heldout.handoff.future6;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Gateway {
    private final ReentrantReadWriteLock routes = new ReentrantReadWriteLock();
    private final Map<String, String> table = new HashMap<>();

    public String forward(Session s, String path) throws InterruptedException, ExecutionException {
        routes.readLock().lock();
        try {
            String peer = s.handshake().get(); // expect: LC001 warning
            return peer + table.getOrDefault(path, "/");
        } finally {
            routes.readLock().unlock();
        }
    }

    public void addRoute(String path, String target) {
        routes.writeLock().lock();
        try {
            table.put(path, target);
        } finally {
            routes.writeLock().unlock();
        }
    }
}
