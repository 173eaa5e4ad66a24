package lockcheck.samples.runtime;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The synchronized-method inversion of {@link SynchronizedMethodInversion}, made to hang: each
 * thread enters one account's synchronized method, both wait until the other is in too, then each
 * calls the other account's synchronized method. The JVM knows both monitors' owners; the agent
 * reads them and reports LC201 as a lock-order deadlock between monitors (exit 86 with
 * {@code onDeadlock=exit}).
 */
public final class SynchronizedMethodHang {
    static final int TIMEOUT_SECONDS = 20;

    static final class Account {
        private final CountDownLatch bothIn;
        private int balance = 100;

        Account(CountDownLatch bothIn) {
            this.bothIn = bothIn;
        }

        synchronized void transferTo(Account to, int amount) throws InterruptedException {
            balance -= amount;
            bothIn.countDown();
            bothIn.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            to.deposit(amount);
        }

        synchronized void deposit(int amount) {
            balance += amount;
        }
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch bothIn = new CountDownLatch(2);
        Account checking = new Account(bothIn);
        Account savings = new Account(bothIn);
        Thread first = new Thread(() -> run(() -> checking.transferTo(savings, 10)), "pay-savings");
        Thread second = new Thread(() -> run(() -> savings.transferTo(checking, 5)), "pay-checking");
        first.setDaemon(true);
        second.setDaemon(true);
        first.start();
        second.start();
        first.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        if (first.isAlive()) {
            System.out.println("hung: each thread holds one account and waits for the other");
            System.exit(2);
        }
        System.out.println("done");
    }

    interface Step {
        void run() throws InterruptedException;
    }

    static void run(Step s) {
        try {
            s.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
