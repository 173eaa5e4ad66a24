// Models: a read callback that only builds a deferred action; the action (which takes the write lock) runs after withRead returned.
package heldout.callback5;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

public class Config {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, String> values = new HashMap<>();

    <R> R withRead(Supplier<R> body) {
        lock.readLock().lock();
        try {
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    void set(String key, String value) {
        lock.writeLock().lock();
        try {
            values.put(key, value);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void setDefault(String key, String value) {
        Runnable plan = withRead(() -> values.containsKey(key) ? () -> { } : () -> set(key, value));
        plan.run();
    }

    public String get(String key) {
        return withRead(() -> values.get(key));
    }
}
