package lockcheck.samples.shapes;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Shapes: a static lock of another class, an anonymous Runnable and a local class each holding
 * the read lock across a take(), and a lock field assigned in the constructor.
 */
public class RegistryWatcher {
    private final BlockingQueue<String> changes = new LinkedBlockingQueue<>();
    private final java.util.concurrent.locks.Lock readView;

    public RegistryWatcher() {
        this.readView = Registry.LOCK.readLock();
    }

    public Runnable watcher() {
        return new Runnable() {
            @Override
            public void run() {
                Registry.LOCK.readLock().lock();
                try {
                    String changed = changes.take(); // expect: LC001
                    Registry.SERVICES.remove(changed);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    Registry.LOCK.readLock().unlock();
                }
            }
        };
    }

    public Future<?> watchInBackground(ExecutorService pool) {
        class Poller implements Runnable {
            @Override
            public void run() {
                readView.lock();
                try {
                    Registry.SERVICES.get(changes.take()); // expect: LC001
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    readView.unlock();
                }
            }
        }
        return pool.submit(new Poller());
    }

    /** Clean: the take happens before the read lock. */
    public void applyNext() throws InterruptedException {
        String changed = changes.take();
        readView.lock();
        try {
            Registry.SERVICES.get(changed);
        } finally {
            readView.unlock();
        }
    }
}
