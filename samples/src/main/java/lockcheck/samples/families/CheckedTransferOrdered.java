package lockcheck.samples.families;

/**
 * The fixed form of {@link CheckedTransfer}: the nesting sits in the branches of a comparison of
 * the two accounts' ids, so the account with the smaller id is always locked first. The balance
 * check inside is not what orders them.
 */
public class CheckedTransferOrdered {
    public boolean transfer(Transfer.Account from, Transfer.Account to, long amount) {
        if (Long.compare(from.id, to.id) < 0) {
            synchronized (from) {
                synchronized (to) {
                    return move(from, to, amount);
                }
            }
        }
        synchronized (to) {
            synchronized (from) {
                return move(from, to, amount);
            }
        }
    }

    private static boolean move(Transfer.Account from, Transfer.Account to, long amount) {
        if (from.balance < amount) {
            return false;
        }
        from.balance -= amount;
        to.balance += amount;
        return true;
    }
}
