package lockcheck.samples.families;

/**
 * Bad: the transfer deadlock with a balance check. The comparison {@code from.balance < amount}
 * is made inside the inner block: it decides whether to move money, not which account is locked
 * first, so {@code transfer(a, b)} and {@code transfer(b, a)} still deadlock (LC007).
 */
public class CheckedTransfer {
    public boolean transfer(Transfer.Account from, Transfer.Account to, long amount) {
        synchronized (from) {
            synchronized (to) { // expect: LC007
                if (from.balance < amount) {
                    return false;
                }
                from.balance -= amount;
                to.balance += amount;
                return true;
            }
        }
    }
}
