// Deadlock through a method reference and two calls: current() holds cfg.read and joins a supplyAsync of
// this::reload; reload -> parseAndStore -> cfg.write, which waits for current's read hold while current waits for
// the future. LC008 too: current started the task and its body takes the held lock exclusively.
package heldout.handoff.future3;

import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class ConfigService {
    private final ReentrantReadWriteLock cfg = new ReentrantReadWriteLock();
    private Properties props = new Properties();
    private long loadedAt;

    public Properties current(long maxAgeMillis) {
        cfg.readLock().lock();
        try {
            if (System.currentTimeMillis() - loadedAt <= maxAgeMillis) {
                return props;
            }
            CompletableFuture<Properties> fresh = CompletableFuture.supplyAsync(this::reload);
            return fresh.join(); // expect: LC001 error LC008 error
        } finally {
            cfg.readLock().unlock();
        }
    }

    private Properties reload() {
        Properties p = new Properties();
        p.setProperty("loaded", Long.toString(System.nanoTime()));
        return parseAndStore(p);
    }

    private Properties parseAndStore(Properties p) {
        cfg.writeLock().lock();
        try {
            props = p;
            loadedAt = System.currentTimeMillis();
            return p;
        } finally {
            cfg.writeLock().unlock();
        }
    }
}
