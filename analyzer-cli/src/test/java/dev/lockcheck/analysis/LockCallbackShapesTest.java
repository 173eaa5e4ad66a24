package dev.lockcheck.analysis;

import java.nio.file.Path;
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

    private static final String[] LOCKS_WITH_OWN_INTERFACE = {
            "import java.util.concurrent.locks.Lock;",
            "final class Locks {",
            "    @FunctionalInterface",
            "    interface LockedAction<E extends Exception> { void run() throws E; }",
            "    private Locks() { }",
            "    static <E extends Exception> void inLock(Lock lock, LockedAction<E> action) throws E {",
            "        lock.lock();",
            "        try { action.run(); } finally { lock.unlock(); }",
            "    }",
            "    static <E extends Exception> void afterLock(Lock lock, LockedAction<E> action) throws E {",
            "        lock.lock();",
            "        lock.unlock();",
            "        action.run();",
            "    }",
            "}"};

    @Test
    void inLockWithSourceFunctionalInterface_methodReferenceBlocking_isReportedAtTheCall() {
        // before: LockedAction (declared in the sources) was no callback type, and a method
        // reference argument was never run under the helper's lock
        new Fixture(dir)
                .file("Locks.java", LOCKS_WITH_OWN_INTERFACE)
                .file("Outbox.java",
                "import java.util.concurrent.SynchronousQueue;",
                "import java.util.concurrent.locks.ReentrantReadWriteLock;",
                "class Outbox {",
                "    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();",
                "    private final SynchronousQueue<String> wire = new SynchronousQueue<>();",
                "    private String pending = \"\";",
                "    void flush() throws InterruptedException {",
                "        Locks.inLock(rw.readLock(), this::send);     // expect: LC001",
                "    }",
                "    private void send() throws InterruptedException { wire.put(pending); }",
                "    void senderLoop() throws InterruptedException {",
                "        while (true) {",
                "            wire.take();",
                "            Locks.inLock(rw.writeLock(), () -> pending = \"\");",
                "        }",
                "    }",
                "}")
                .assertExactlyMarked();
    }

    @Test
    void helperRunningTheMethodReferenceAfterUnlock_isClean() {
        new Fixture(dir)
                .file("Locks.java", LOCKS_WITH_OWN_INTERFACE)
                .file("Outbox.java",
                "import java.util.concurrent.SynchronousQueue;",
                "import java.util.concurrent.locks.ReentrantReadWriteLock;",
                "class Outbox {",
                "    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();",
                "    private final SynchronousQueue<String> wire = new SynchronousQueue<>();",
                "    private String pending = \"\";",
                "    void flush() throws InterruptedException {",
                "        Locks.afterLock(rw.readLock(), this::send);",
                "    }",
                "    private void send() throws InterruptedException { wire.put(pending); }",
                "    void senderLoop() throws InterruptedException {",
                "        while (true) {",
                "            wire.take();",
                "            Locks.inLock(rw.writeLock(), () -> pending = \"\");",
                "        }",
                "    }",
                "}")
                .assertClean();
    }

    @Test
    void methodReferenceRunAfterTheReadLockIsReleased_isClean() {
        new Fixture(dir)
                .file("Locks.java", LOCKS_WITH_OWN_INTERFACE)
                .file("Outbox.java",
                "import java.util.concurrent.SynchronousQueue;",
                "import java.util.concurrent.locks.ReentrantReadWriteLock;",
                "class Outbox {",
                "    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();",
                "    private final SynchronousQueue<String> wire = new SynchronousQueue<>();",
                "    private String pending = \"\";",
                "    private String copy;",
                "    void flush() throws InterruptedException {",
                "        Locks.inLock(rw.readLock(), this::snapshot);",
                "        send();",
                "    }",
                "    private void snapshot() { copy = pending; }",
                "    private void send() throws InterruptedException { wire.put(copy); }",
                "    void senderLoop() throws InterruptedException {",
                "        while (true) {",
                "            wire.take();",
                "            Locks.inLock(rw.writeLock(), () -> pending = \"\");",
                "        }",
                "    }",
                "}")
                .assertClean();
    }
}
