package dev.lockcheck.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * The live detector asks the JVM only about threads that can be in a wait it reports with an owner
 * (blocked on a monitor, parked on an ownable synchronizer): asking about every thread stalled a
 * 5,000-thread program's exit (see HandoffDeadlock.jvmWaits).
 */
class JvmCandidatesTest {
    @Test
    void blockedAndLockParkedThreadsAreAsked_parkedWithoutBlockerAndSleepingAreNot() throws Exception {
        Object monitor = new Object();
        ReentrantLock lock = new ReentrantLock();
        Thread blocked = new Thread(() -> {
            synchronized (monitor) {
                Thread.onSpinWait();
            }
        }, "blocked");
        Thread onLock = new Thread(() -> {
            lock.lock();
            lock.unlock();
        }, "on-lock");
        Thread parked = new Thread(() -> LockSupport.park(), "parked");
        Thread sleeping = new Thread(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // ends the test's thread
            }
        }, "sleeping");
        lock.lock();
        try {
            synchronized (monitor) {
                for (Thread t : new Thread[] {blocked, onLock, parked, sleeping}) {
                    t.setDaemon(true);
                    t.start();
                }
                long until = System.nanoTime() + 10_000_000_000L;
                while ((blocked.getState() != Thread.State.BLOCKED || onLock.getState() != Thread.State.WAITING
                        || parked.getState() != Thread.State.WAITING || sleeping.getState() != Thread.State.TIMED_WAITING)
                        && System.nanoTime() < until) {
                    Thread.sleep(5);
                }
                long[] ids = HandoffDeadlock.jvmCandidates();
                assertTrue(contains(ids, blocked.getId()), "blocked on a monitor");
                assertTrue(contains(ids, onLock.getId()), "parked on a ReentrantLock");
                assertFalse(contains(ids, parked.getId()), "parked without a blocker");
                assertFalse(contains(ids, sleeping.getId()), "sleeping");
                assertFalse(contains(ids, Thread.currentThread().getId()), "running");
            }
        } finally {
            lock.unlock();
            LockSupport.unpark(parked);
            sleeping.interrupt();
        }
    }

    private static boolean contains(long[] ids, long id) {
        return Arrays.stream(ids).anyMatch(x -> x == id);
    }
}
