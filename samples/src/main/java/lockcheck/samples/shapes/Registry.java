package lockcheck.samples.shapes;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** A static, ReadWriteLock-typed lock shared across classes (see {@link RegistryWatcher}). */
public final class Registry {
    public static final ReadWriteLock LOCK = new ReentrantReadWriteLock();
    static final Map<String, String> SERVICES = new HashMap<>();

    private Registry() {
    }

    public static void register(String name, String address) {
        LOCK.writeLock().lock();
        try {
            SERVICES.put(name, address);
        } finally {
            LOCK.writeLock().unlock();
        }
    }
}
