// Deadlock with no third thread: describe() holds lock.read and waits on a task it submitted whose lambda asks for
// lock.write. The write waits for describe's read hold, get() waits for the task. LC008 as well: the waiter started
// the task and the task takes the held lock in a conflicting (exclusive) mode.
package heldout.handoff.future1;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class SchemaCache {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, String> schemas = new HashMap<>();
    private final ExecutorService loader = Executors.newSingleThreadExecutor();

    public String describe(String table) throws InterruptedException, ExecutionException {
        lock.readLock().lock();
        try {
            String cached = schemas.get(table);
            if (cached != null) {
                return cached;
            }
            Future<String> loaded = loader.submit(() -> {
                String ddl = "CREATE TABLE " + table + " ()";
                lock.writeLock().lock();
                try {
                    schemas.put(table, ddl);
                } finally {
                    lock.writeLock().unlock();
                }
                return ddl;
            });
            return loaded.get(); // expect: LC001 error LC008 error
        } finally {
            lock.readLock().unlock();
        }
    }
}
