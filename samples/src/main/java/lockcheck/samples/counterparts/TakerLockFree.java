package lockcheck.samples.counterparts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Clean look-alike of {@link TakerLocks}: the same put under the read lock, but the queue's only
 * taker, a private drain loop started here, never takes the lock: it only prints. The put waits
 * for a thread that always comes back. No finding.
 */
public class TakerLockFree {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final BlockingQueue<String> audit = new ArrayBlockingQueue<>(4);
    private final List<String> users = new ArrayList<>();

    void login(String user) throws InterruptedException {
        rw.readLock().lock();
        try {
            if (users.contains(user)) audit.put(user);
        } finally {
            rw.readLock().unlock();
        }
    }

    void register(String user) {
        rw.writeLock().lock();
        try {
            users.add(user);
        } finally {
            rw.writeLock().unlock();
        }
    }

    void start() {
        Thread t = new Thread(this::drain, "audit");
        t.setDaemon(true);
        t.start();
    }

    private void drain() {
        try {
            while (true) System.out.println("login " + audit.take());
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }
}
