package lockcheck.samples.distributed.polling;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

/** Helpers the loops in this package call: one only tries, one backs off. */
final class Attempts {
    private Attempts() {
    }

    static boolean once(Lock lock) {
        return lock.tryLock();
    }

    static void pause(int attempt) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(Math.min(50L, 1L << Math.min(attempt, 5)));
    }
}
