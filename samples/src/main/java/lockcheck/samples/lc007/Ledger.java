package lockcheck.samples.lc007;

/**
 * A real inversion across files and through synchronized methods: a transfer holds the ledger and
 * records into the journal; a journal flush holds the journal and reads the ledger. Two threads,
 * one in each, deadlock. Both edges are reported, each with the other's path.
 */
public final class Ledger {
    private final Journal journal;
    private long balance;

    public Ledger(Journal journal) {
        this.journal = journal;
    }

    public synchronized void transfer(long amount) {
        balance += amount;
        journal.record("transfer " + amount); // expect: LC007
    }

    synchronized long balance() {
        return balance;
    }
}
