package lockcheck.samples.helpers;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** The fixed form of {@link HelperPairs}: both paths take items, then log. */
public class HelperPairsOneOrder {
    private final Lock items = new ReentrantLock();
    private final Lock log = new ReentrantLock();
    private int count;

    public void move() {
        Locking.lock(items);
        try {
            Locking.lock(log);
            try {
                count++;
            } finally {
                Locking.unlock(log);
            }
        } finally {
            Locking.unlock(items);
        }
    }

    public int audit() {
        Locking.lock(items);
        try {
            Locking.lock(log);
            try {
                return count;
            } finally {
                Locking.unlock(log);
            }
        } finally {
            Locking.unlock(items);
        }
    }
}
