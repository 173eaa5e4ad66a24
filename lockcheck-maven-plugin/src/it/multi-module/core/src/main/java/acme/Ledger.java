package acme;

import java.util.concurrent.locks.ReentrantLock;

/** The fixed ledger: both paths take accounts before audit. */
public class Ledger {
    private final ReentrantLock accounts = new ReentrantLock();
    private final ReentrantLock audit = new ReentrantLock();
    private int entries;

    public void transfer() {
        accounts.lock();
        try {
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
        accounts.lock();
        try {
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

    public int entries() {
        return entries;
    }
}
