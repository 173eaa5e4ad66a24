// Models: the fixed transfer (Java Concurrency in Practice 10.3): order the two monitors by System.identityHashCode, with a tie-breaking lock.
package heldout.order4;

public class Bank {
    private static final Object TIE = new Object();

    public static final class Account {
        long balance;
    }

    public static void transfer(Account from, Account to, long amount) {
        int fromHash = System.identityHashCode(from);
        int toHash = System.identityHashCode(to);
        if (fromHash < toHash) {
            synchronized (from) {
                synchronized (to) {
                    move(from, to, amount);
                }
            }
        } else if (fromHash > toHash) {
            synchronized (to) {
                synchronized (from) {
                    move(from, to, amount);
                }
            }
        } else {
            synchronized (TIE) {
                synchronized (from) {
                    synchronized (to) {
                        move(from, to, amount);
                    }
                }
            }
        }
    }

    private static void move(Account from, Account to, long amount) {
        from.balance -= amount;
        to.balance += amount;
    }
}
