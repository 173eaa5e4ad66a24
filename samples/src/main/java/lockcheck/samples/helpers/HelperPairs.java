package lockcheck.samples.helpers;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bad: two locks taken through {@link Locking} helpers, nested in opposite orders by
 * {@link #move} and {@link #audit} (LC007, both edges).
 */
public class HelperPairs {
    private final Lock items = new ReentrantLock();
    private final Lock log = new ReentrantLock();
    private int count;

    public void move() {
        Locking.lock(items);
        try {
            Locking.lock(log); // expect: LC007
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
        Locking.lock(log);
        try {
            Locking.lock(items); // expect: LC007
            try {
                return count;
            } finally {
                Locking.unlock(items);
            }
        } finally {
            Locking.unlock(log);
        }
    }
}
