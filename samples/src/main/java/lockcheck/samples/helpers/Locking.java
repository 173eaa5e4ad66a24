package lockcheck.samples.helpers;

import java.util.concurrent.locks.Lock;

/** Static lock helpers as real code writes them (Ozone's striped locks): the lock is a parameter. */
public final class Locking {
    private Locking() {
    }

    public static void lock(Lock l) {
        l.lock();
    }

    public static void unlock(Lock l) {
        l.unlock();
    }
}
