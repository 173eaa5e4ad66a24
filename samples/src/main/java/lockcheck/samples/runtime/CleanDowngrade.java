package lockcheck.samples.runtime;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Clean: write lock, then read lock inside it (a downgrade is allowed), from several threads. Nothing to report. */
public final class CleanDowngrade {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private int version;
    private long sum;

    void bumpAndRead() {
        lock.writeLock().lock();
        try {
            version++;
            lock.readLock().lock();
            try {
                sum += version;
            } finally {
                lock.readLock().unlock();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    public static void main(String[] args) throws Exception {
        CleanDowngrade s = new CleanDowngrade();
        Thread[] ts = new Thread[4];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = new Thread(() -> {
                for (int n = 0; n < 1000; n++) s.bumpAndRead();
            }, "worker-" + i);
            ts[i].start();
        }
        for (Thread t : ts) t.join();
        System.out.println("version " + s.version + ", sum " + s.sum);
    }
}
