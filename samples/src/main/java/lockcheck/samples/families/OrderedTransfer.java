package lockcheck.samples.families;

/** The fixed form of {@link Transfer}: the account with the smaller id is always locked first. */
public class OrderedTransfer {
    public void transfer(Transfer.Account from, Transfer.Account to, long amount) {
        Transfer.Account first = from.id < to.id ? from : to;
        Transfer.Account second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                from.balance -= amount;
                to.balance += amount;
            }
        }
    }
}
