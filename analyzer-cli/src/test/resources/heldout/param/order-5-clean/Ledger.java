// Models: per-account locks ordered by account id: the lower id is always locked first (the comparison makes the order visible).
package heldout.order5;

import java.util.concurrent.locks.ReentrantLock;

public class Ledger {
    static final class Entry {
        final long id;
        final ReentrantLock lock = new ReentrantLock();
        long amount;

        Entry(long id) {
            this.id = id;
        }
    }

    public void post(Entry debit, Entry credit, long amount) {
        Entry first = debit.id < credit.id ? debit : credit;
        Entry second = first == debit ? credit : debit;
        first.lock.lock();
        try {
            second.lock.lock();
            try {
                debit.amount -= amount;
                credit.amount += amount;
            } finally {
                second.lock.unlock();
            }
        } finally {
            first.lock.unlock();
        }
    }
}
