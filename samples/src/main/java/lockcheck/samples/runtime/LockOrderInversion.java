package lockcheck.samples.runtime;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Two threads take two locks in opposite orders, one after the other, so this run never hangs:
 * run them at the same time and each can hold its first lock and wait for the other's. The agent
 * reports the cycle in the run's lock-order graph (LC204).
 */
public final class LockOrderInversion {
    private final ReentrantLock accounts = new ReentrantLock();
    private final ReentrantLock audit = new ReentrantLock();
    private int balance;
    private int entries;

    void transfer() {
        accounts.lock();
        try {
            balance++;
            audit.lock(); // expect: LC007
            try {
                entries++;
            } finally {
                audit.unlock();
            }
        } finally {
            accounts.unlock();
        }
    }

    void report() {
        audit.lock();
        try {
            entries++;
            accounts.lock(); // expect: LC007
            try {
                balance += 0;
            } finally {
                accounts.unlock();
            }
        } finally {
            audit.unlock();
        }
    }

    public static void main(String[] args) throws Exception {
        LockOrderInversion s = new LockOrderInversion();
        Thread first = new Thread(s::transfer, "transfer");
        first.start();
        first.join();
        Thread second = new Thread(s::report, "report");
        second.start();
        second.join();
        System.out.println("balance " + s.balance + ", entries " + s.entries);
    }
}
