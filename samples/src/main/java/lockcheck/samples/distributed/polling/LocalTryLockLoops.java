package lockcheck.samples.distributed.polling;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * LC101 with a local {@code java.util.concurrent} lock (warning): a loop that retries
 * {@code tryLock()} with nothing between attempts burns a core while the holder works, and on a
 * fair lock never even queues. Each bad form sits next to its fixed form and clean look-alikes.
 */
public final class LocalTryLockLoops {
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Lock> stripes = List.of(new ReentrantLock(), new ReentrantLock(), new ReentrantLock());
    private int counter;

    /** Bad: spins on tryLock until it succeeds. */
    public void spin() {
        while (!lock.tryLock()) { // expect: LC101
        }
        try {
            counter++;
        } finally {
            lock.unlock();
        }
    }

    /** Bad: the same with the attempt inside an endless for and a local alias of the field. */
    public void spinForever() {
        Lock l = this.lock;
        for (;;) {
            if (l.tryLock()) { // expect: LC101
                try {
                    counter++;
                    return;
                } finally {
                    l.unlock();
                }
            }
        }
    }

    /** Bad: a do-while poll; onSpinWait is a CPU hint, not a wait for the holder. */
    public void spinWithHint() {
        boolean got;
        do {
            got = lock.tryLock(); // expect: LC101
            Thread.onSpinWait();
        } while (!got);
        try {
            counter++;
        } finally {
            lock.unlock();
        }
    }

    /** Bad, through a helper in this class: the loop retries a method that only tries. */
    public void spinThroughHelper() {
        while (!tryOnce()) { // expect: LC101
            counter--;
        }
        try {
            counter++;
        } finally {
            lock.unlock();
        }
    }

    private boolean tryOnce() {
        return lock.tryLock();
    }

    /** Bad, through a helper in another class. */
    public void spinThroughOtherClass() {
        while (!Attempts.once(lock)) { // expect: LC101
            counter--;
        }
        try {
            counter++;
        } finally {
            lock.unlock();
        }
    }

    /** Fixed: when the lock must be had, block on it. */
    public void blocking() {
        lock.lock();
        try {
            counter++;
        } finally {
            lock.unlock();
        }
    }

    /** Clean: back off between attempts. */
    public void withBackoff() throws InterruptedException {
        long pause = 1;
        while (!lock.tryLock()) {
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 50);
        }
        try {
            counter++;
        } finally {
            lock.unlock();
        }
    }

    /** Clean: TimeUnit.sleep and LockSupport.parkNanos are backoffs too. */
    public void withParkBackoff() {
        while (!lock.tryLock()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        try {
            counter++;
        } finally {
            lock.unlock();
        }
    }

    /** Clean: a timed tryLock waits for the holder between attempts (and can log while it waits). */
    public void timedAttempts() throws InterruptedException {
        while (!lock.tryLock(100, TimeUnit.MILLISECONDS)) {
            counter--;
        }
        try {
            counter++;
        } finally {
            lock.unlock();
        }
    }

    /** Clean, through a helper in another class that sleeps. */
    public void withBackoffHelper() throws InterruptedException {
        int attempt = 0;
        while (!lock.tryLock()) {
            Attempts.pause(attempt++);
        }
        try {
            counter++;
        } finally {
            lock.unlock();
        }
    }

    /** Clean: fail fast, no loop. */
    public boolean tryIncrement() {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            counter++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Clean: one attempt on each of several stripes is not a retry of one lock. */
    public boolean incrementAnyStripe() {
        for (Lock stripe : stripes) {
            if (stripe.tryLock()) {
                try {
                    counter++;
                    return true;
                } finally {
                    stripe.unlock();
                }
            }
        }
        return false;
    }
}
