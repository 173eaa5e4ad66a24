package lockcheck.samples.families;

/**
 * Bad: the textbook transfer deadlock. {@code transfer(a, b)} and {@code transfer(b, a)} on two
 * threads each lock their {@code from} account and wait for the other's (LC007).
 */
public class Transfer {
    /** An account; its monitor guards its balance. */
    public static final class Account {
        final long id;
        long balance;

        public Account(long id) {
            this.id = id;
        }
    }

    public void transfer(Account from, Account to, long amount) {
        synchronized (from) {
            synchronized (to) { // expect: LC007
                from.balance -= amount;
                to.balance += amount;
            }
        }
    }
}
