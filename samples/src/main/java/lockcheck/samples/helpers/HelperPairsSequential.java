package lockcheck.samples.helpers;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Clean look-alike of {@link HelperPairs}: the two locks are taken in both orders, but one after
 * the other, never nested: {@code Locking.unlock(l)} releases the lock it is given.
 */
public class HelperPairsSequential {
    private final Lock items = new ReentrantLock();
    private final Lock log = new ReentrantLock();
    private int count;

    public void move() {
        Locking.lock(items);
        try {
            count++;
        } finally {
            Locking.unlock(items);
        }
        Locking.lock(log);
        try {
            count--;
        } finally {
            Locking.unlock(log);
        }
    }

    public void audit() {
        Locking.lock(log);
        try {
            count++;
        } finally {
            Locking.unlock(log);
        }
        Locking.lock(items);
        try {
            count--;
        } finally {
            Locking.unlock(items);
        }
    }
}
