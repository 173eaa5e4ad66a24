package dev.lockcheck.analysis;

import java.nio.file.Path;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Callbacks run under a lock (issue 10, shape 3): a helper invokes its functional parameter while
 * it holds a lock; the lambda each caller gives runs under that lock, and findings are reported
 * inside the lambda.
 */
class LockCallbackShapesTest {
    @TempDir
    Path dir;

    @Test
    void withRead_lambdaTakingTheWriteLock_isUpgradeInsideTheLambda() {
        new Fixture(dir)
                .file("Guarded.java",
                "import java.util.concurrent.locks.ReentrantReadWriteLock;",
                "import java.util.function.Supplier;",
                "class Guarded {",
                "    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();",
                "    private int value;",
                "    <T> T withRead(Supplier<T> body) {",
                "        rw.readLock().lock();",
                "        try {",
                "            return body.get();",
                "        } finally {",
                "            rw.readLock().unlock();",
                "        }",
                "    }",
                "    void withWrite(Runnable body) {",
                "        rw.writeLock().lock();",
                "        try {",
                "            body.run();",
                "        } finally {",
                "            rw.writeLock().unlock();",
                "        }",
                "    }",
                "    int bump() {",
                "        return withRead(() -> {",
                "            if (value < 0) {",
                "                withWrite(() -> value = 0);        // expect: LC002",
                "            }",
                "            return value;",
                "        });",
                "    }",
                "    int read() {",
                "        return withRead(() -> value);",
                "    }",
                "    void write() {",
                "        withWrite(() -> value++);",
                "        withRead(() -> value);",
                "    }",
                "}")
                .assertExactlyMarked();
    }

    @Test
    void staticInLockHelper_withLockParameter_ordersTheLambdaInside() {
        new Fixture(dir)
                .file("Locks.java",
                "import java.util.concurrent.locks.Lock;",
                "final class Locks {",
                "    static void inLock(Lock lock, Runnable body) {",
                "        lock.lock();",
                "        try {",
                "            body.run();",
                "        } finally {",
                "            lock.unlock();",
                "        }",
                "    }",
                "}")
                .file("Accounts.java",
                "import java.util.concurrent.locks.Lock;",
                "import java.util.concurrent.locks.ReentrantLock;",
                "class Accounts {",
                "    private final Lock ledger = new ReentrantLock();",
                "    private final Object audit = new Object();",
                "    private int n;",
                "    void post() {",
                "        Locks.inLock(ledger, () -> {",
                "            synchronized (audit) {            // expect: LC007",
                "                n++;",
                "            }",
                "        });",
                "    }",
                "    void check() {",
                "        synchronized (audit) {",
                "            Locks.inLock(ledger, () -> n--);  // expect: LC007",
                "        }",
                "    }",
                "}")
                .assertExactlyMarked();
    }

    @Test
    @Disabled("known miss: a method reference given as the callback (withRead(this::load)) is not yet run under the helper's lock")
    void withRead_methodReference_runsUnderTheLock() {
        new Fixture(dir)
                .file("Refs.java",
                "import java.util.concurrent.locks.ReentrantReadWriteLock;",
                "class Refs {",
                "    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();",
                "    void withRead(Runnable body) {",
                "        rw.readLock().lock();",
                "        try { body.run(); } finally { rw.readLock().unlock(); }",
                "    }",
                "    void grow() { rw.writeLock().lock(); rw.writeLock().unlock(); }",
                "    void run() {",
                "        withRead(this::grow);                 // expect: LC002",
                "    }",
                "}")
                .assertExactlyMarked();
    }
}
