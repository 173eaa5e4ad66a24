// Models: the textbook transfer deadlock: two Account parameters locked in argument order (a->b and b->a at once deadlock).
package heldout.order1;

public class Bank {
    public static boolean transfer(Account from, Account to, long amount) {
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
