package lockcheck.samples.runtime;

import java.lang.management.ManagementFactory;

/**
 * {@link SynchronizedMethodHang}'s deadlock, in a program that watches for deadlocks itself (as
 * test harnesses do: ThreadMXBean) and calls {@code Runtime.halt(0)} the moment it sees one. The
 * agent must not lose that race to the report file: its last look runs before the halt goes ahead.
 */
public final class HaltsOnItsOwnDeadlockCheck {
    public static void main(String[] args) throws Exception {
        Thread hang = new Thread(() -> {
            try {
                SynchronizedMethodHang.main(args);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "hang");
        hang.setDaemon(true);
        hang.start();
        for (int i = 0; i < 400; i++) {
            if (ManagementFactory.getThreadMXBean().findDeadlockedThreads() != null) {
                System.out.println("deadlock detected: halting");
                Runtime.getRuntime().halt(0);
            }
            Thread.sleep(50);
        }
        System.out.println("no deadlock");
    }
}
