package acme;

import java.util.concurrent.locks.ReentrantLock;

/** transfer takes accounts then audit, report takes audit then accounts: two threads can deadlock. */
public class Ledger {
    private final ReentrantLock accounts = new ReentrantLock();
    private final ReentrantLock audit = new ReentrantLock();
    private int balance;
    private int entries;

    public void transfer() {
        accounts.lock();
        try {
            balance++;
            audit.lock();
            try {
                entries++;
            } finally {
                audit.unlock();
            }
        } finally {
            accounts.unlock();
        }
    }

    public void report() {
        audit.lock();
        try {
            entries++;
            accounts.lock();
            try {
                balance += 0;
            } finally {
                accounts.unlock();
            }
        } finally {
            audit.unlock();
        }
    }

    public int entries() {
        return entries;
    }
}
