package dev.lockcheck.agent.boot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * The agent never throws into the application: a thread's first hook registers it, outside the
 * hook's own failure handling, so a failure there (an OutOfMemoryError while its state is
 * allocated, a class the agent cannot load) must stop tracking and leave the application's
 * lock calls to run as if the agent were not there.
 */
class HooksFailureTest {
    @Test
    void aThreadWhoseStateCannotBeMade_runsOnUntrackedAndTrackingStops() throws Exception {
        boolean wasOn = Hooks.on;
        Hooks.on = true;
        try {
            Hooks.registrationFault = new OutOfMemoryError("injected: no room for the thread's state");
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Object monitor = new Object();
            ReentrantLock lock = new ReentrantLock();
            Thread app = new Thread(() -> {
                try {
                    Hooks.monitorBefore(monitor, 1);
                    synchronized (monitor) {
                        Hooks.monitorAfter(monitor, 1);
                        Hooks.lock(lock, 2);
                        Hooks.unlock(lock, 2);
                        Hooks.monitorExit(monitor);
                    }
                } catch (Throwable e) {
                    thrown.set(e);
                }
            }, "application");
            app.start();
            app.join();
            assertNull(thrown.get(), "a hook threw into the application");
            assertFalse(Hooks.on, "tracking stops after the failure");
            assertFalse(lock.isLocked(), "the application's lock call ran and was released");
        } finally {
            Hooks.registrationFault = null;
            Hooks.on = wasOn;
        }
    }
}
