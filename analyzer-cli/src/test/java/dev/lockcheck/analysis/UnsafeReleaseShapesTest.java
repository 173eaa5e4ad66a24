package dev.lockcheck.analysis;

import java.nio.file.Path;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LC005 on try-with-resources and acquire-or-back-off helpers (issue 11: 62 of 63 LC005 warnings on one project). */
class UnsafeReleaseShapesTest {
    @TempDir
    Path dir;

    @Test
    void lockThenTryWithResourcesAndFinallyUnlock_isClean() {
        new Fixture(dir).file("Store.java",
                "import java.util.concurrent.locks.ReentrantLock;",
                "class Store {",
                "    private final ReentrantLock lock = new ReentrantLock();",
                "    void save() throws Exception {",
                "        lock.lock();",
                "        try (AutoCloseable c = open()) {",
                "            write(c);",
                "        } finally {",
                "            lock.unlock();",
                "        }",
                "    }",
                "    AutoCloseable open() { return () -> { }; }",
                "    void write(AutoCloseable c) { }",
                "}").assertExactlyMarked();
    }

    @Test
    void lockThenTryWithResourcesAndUnlockAfter_isReported() {
        new Fixture(dir).file("Store.java",
                "import java.util.concurrent.locks.ReentrantLock;",
                "class Store {",
                "    private final ReentrantLock lock = new ReentrantLock();",
                "    void save() throws Exception {",
                "        lock.lock(); // expect: LC005",
                "        try (AutoCloseable c = open()) {",
                "            write(c);",
                "        }",
                "        lock.unlock();",
                "    }",
                "    AutoCloseable open() { return () -> { }; }",
                "    void write(AutoCloseable c) { }",
                "}").assertExactlyMarked();
    }

    @Test
    void helperReleasingOnlyOnItsFailurePath_handsTheLockToItsCaller() {
        new Fixture(dir).file("Gate.java",
                "import java.util.concurrent.locks.ReentrantLock;",
                "class Gate {",
                "    private final ReentrantLock lock = new ReentrantLock();",
                "    void enter() {",
                "        lock.lock();",
                "        try {",
                "            check();",
                "        } catch (RuntimeException e) {",
                "            lock.unlock();",
                "            throw e;",
                "        }",
                "    }",
                "    void check() { }",
                "    void run() {",
                "        enter();",
                "        try { check(); } finally { lock.unlock(); }",
                "    }",
                "}").assertExactlyMarked();
    }

    @Disabled("known miss: a helper that backs off by returning false (not by throwing) has a normal exit without the lock, "
            + "so the must-hold join at its exits drops it and the early release reads as a leak")
    @Test
    void helperBackingOffWithFalse_handsTheLockToItsCaller() {
        new Fixture(dir).file("Gate.java",
                "import java.util.concurrent.locks.ReentrantLock;",
                "class Gate {",
                "    private final ReentrantLock lock = new ReentrantLock();",
                "    boolean enter() {",
                "        lock.lock();",
                "        if (!ready()) {",
                "            lock.unlock();",
                "            return false;",
                "        }",
                "        return true;",
                "    }",
                "    boolean ready() { return true; }",
                "}").assertExactlyMarked();
    }
}
