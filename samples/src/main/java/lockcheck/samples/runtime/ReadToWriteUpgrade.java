package lockcheck.samples.runtime;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A thread holding the read lock asks for the write lock of the same ReentrantReadWriteLock: it
 * waits for itself forever. The agent reports LC203 before the thread blocks (and, with
 * onDeadlock=exit, stops the JVM with 86 once the thread is stuck). Without the agent the program
 * gives up after twenty seconds and exits with status 2.
 */
public final class ReadToWriteUpgrade {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private int hits;

    void recordHit() {
        lock.readLock().lock();
        try {
            if (hits >= 0) {
                lock.writeLock().lock(); // expect: LC002
                try {
                    hits++;
                } finally {
                    lock.writeLock().unlock();
                }
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    public static void main(String[] args) throws Exception {
        ReadToWriteUpgrade s = new ReadToWriteUpgrade();
        Thread worker = new Thread(s::recordHit, "upgrader");
        worker.setDaemon(true);
        worker.start();
        worker.join(20_000);
        if (worker.isAlive()) {
            System.out.println("hung: the upgrader waits for its own read lock");
            System.exit(2);
        }
    }
}
