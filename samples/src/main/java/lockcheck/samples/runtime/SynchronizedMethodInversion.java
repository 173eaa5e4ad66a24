package lockcheck.samples.runtime;

/**
 * The most common deadlock in the wild: two objects whose synchronized methods call each other's
 * synchronized methods in opposite orders. Here the two transfers run one after the other, so this
 * run never hangs; run them at the same time and each thread holds one account's monitor and waits
 * for the other's. The agent sees the monitors of synchronized methods like those of blocks and
 * reports the cycle in the run's lock-order graph (LC204).
 */
public final class SynchronizedMethodInversion {
    static final class Account {
        private final String name;
        private int balance = 100;

        Account(String name) {
            this.name = name;
        }

        synchronized void transferTo(Account to, int amount) {
            balance -= amount;
            to.deposit(amount);
        }

        synchronized void deposit(int amount) {
            balance += amount;
        }

        synchronized int balance() {
            return balance;
        }
    }

    public static void main(String[] args) throws Exception {
        Account checking = new Account("checking");
        Account savings = new Account("savings");
        Thread first = new Thread(() -> checking.transferTo(savings, 10), "pay-savings");
        first.start();
        first.join();
        Thread second = new Thread(() -> savings.transferTo(checking, 5), "pay-checking");
        second.start();
        second.join();
        System.out.println(checking.name + " " + checking.balance() + ", " + savings.name + " " + savings.balance());
    }
}
