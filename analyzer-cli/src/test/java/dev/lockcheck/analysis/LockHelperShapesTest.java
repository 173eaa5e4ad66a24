package dev.lockcheck.analysis;

import java.nio.file.Path;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Locks passed to helpers (issue 10, shape 2): a summary speaks of its parameters, the caller
 * substitutes its arguments. {@code lock(Lock l)} / {@code unlock(Lock l)} pairs, a boolean
 * argument selecting the read or the write lock ({@code doLock(boolean write)}), locks reached
 * through a getter of another object.
 */
class LockHelperShapesTest {
    @TempDir
    Path dir;

    @Test
    void staticLockUnlockHelpers_releaseTheArgument_noFabricatedOrder() {
        // before: the parameter of lock(Lock) stayed "held" after unlock(Lock) returned, so
        // a() and b() seemed to nest first and second in both orders
        new Fixture(dir)
                .file("Locks.java",
                "import java.util.concurrent.locks.Lock;",
                "final class Locks {",
                "    private Locks() { }",
                "    static void lock(Lock l) { l.lock(); }",
                "    static void unlock(Lock l) { l.unlock(); }",
                "}")
                .file("Striped.java",
                "import java.util.concurrent.locks.Lock;",
                "import java.util.concurrent.locks.ReentrantLock;",
                "class Striped {",
                "    private final Lock first = new ReentrantLock();",
                "    private final Lock second = new ReentrantLock();",
                "    void a() {",
                "        Locks.lock(first);",
                "        try { System.out.println(1); } finally { Locks.unlock(first); }",
                "        Locks.lock(second);",
                "        try { System.out.println(2); } finally { Locks.unlock(second); }",
                "    }",
                "    void b() {",
                "        Locks.lock(second);",
                "        try { System.out.println(2); } finally { Locks.unlock(second); }",
                "        Locks.lock(first);",
                "        try { System.out.println(1); } finally { Locks.unlock(first); }",
                "    }",
                "}")
                .assertClean();
    }

    @Test
    void lockHelpersNestedInOppositeOrders_isInversion() {
        new Fixture(dir)
                .file("Transfer.java",
                "import java.util.concurrent.locks.Lock;",
                "import java.util.concurrent.locks.ReentrantLock;",
                "class Transfer {",
                "    private final Lock accounts = new ReentrantLock();",
                "    private final Lock audit = new ReentrantLock();",
                "    private void lock(Lock l) { l.lock(); }",
                "    private void unlock(Lock l) { l.unlock(); }",
                "    void pay() {",
                "        lock(accounts);",
                "        try {",
                "            lock(audit);                   // expect: LC007",
                "            try { System.out.println(1); } finally { unlock(audit); }",
                "        } finally {",
                "            unlock(accounts);",
                "        }",
                "    }",
                "    void report() {",
                "        lock(audit);",
                "        try {",
                "            lock(accounts);                // expect: LC007",
                "            try { System.out.println(2); } finally { unlock(accounts); }",
                "        } finally {",
                "            unlock(audit);",
                "        }",
                "    }",
                "}")
                .assertExactlyMarked();
    }

    @Test
    void readWriteLockParameter_readThenWriteThroughHelpers_isUpgrade() {
        new Fixture(dir)
                .file("Table.java",
                "import java.util.concurrent.locks.ReadWriteLock;",
                "import java.util.concurrent.locks.ReentrantReadWriteLock;",
                "class Table {",
                "    private final ReadWriteLock rw = new ReentrantReadWriteLock();",
                "    static void lockRead(ReadWriteLock l) { l.readLock().lock(); }",
                "    static void lockWrite(ReadWriteLock l) { l.writeLock().lock(); }",
                "    static void unlockRead(ReadWriteLock l) { l.readLock().unlock(); }",
                "    void grow() {",
                "        lockRead(rw);",
                "        try {",
                "            lockWrite(rw);                 // expect: LC002",
                "        } finally {",
                "            unlockRead(rw);",
                "        }",
                "    }",
                "}")
                .assertExactlyMarked();
    }

    private static final String[] RW_UTIL = {
            "import java.util.concurrent.locks.ReadWriteLock;",
            "final class RwUtil {",
            "    private RwUtil() { }",
            "    static void acquireRead(ReadWriteLock l) { l.readLock().lock(); }",
            "    static void releaseRead(ReadWriteLock l) { l.readLock().unlock(); }",
            "    static void acquireWrite(ReadWriteLock l) { l.writeLock().lock(); }",
            "    static void releaseWrite(ReadWriteLock l) { l.writeLock().unlock(); }",
            "}"};

    @Test
    void readLockHelperAcrossPut_writerOnlyThroughHelper_isReported() {
        // before: the write lock was taken only through RwUtil.acquireWrite(lock) with nothing else
        // held, so no body recorded it for the checks and LC001 saw a lock never write-acquired
        new Fixture(dir)
                .file("RwUtil.java", RW_UTIL)
                .file("Registry.java",
                "import java.util.concurrent.BlockingQueue;",
                "import java.util.concurrent.LinkedBlockingQueue;",
                "import java.util.concurrent.locks.ReadWriteLock;",
                "import java.util.concurrent.locks.ReentrantReadWriteLock;",
                "class Registry {",
                "    private final ReadWriteLock lock = new ReentrantReadWriteLock();",
                "    private final BlockingQueue<String> out = new LinkedBlockingQueue<>(8);",
                "    private int n;",
                "    void sample() throws InterruptedException {",
                "        RwUtil.acquireRead(lock);",
                "        try {",
                "            out.put(\"n=\" + n);              // expect: LC001",
                "        } finally {",
                "            RwUtil.releaseRead(lock);",
                "        }",
                "    }",
                "    void drain() throws InterruptedException {",
                "        while (true) {",
                "            out.take();",
                "            RwUtil.acquireWrite(lock);",
                "            try { n++; } finally { RwUtil.releaseWrite(lock); }",
                "        }",
                "    }",
                "}")
                .assertExactlyMarked();
    }

    @Test
    void readLockHelperReleasedBeforePut_writerOnlyThroughHelper_isClean() {
        new Fixture(dir)
                .file("RwUtil.java", RW_UTIL)
                .file("Registry.java",
                "import java.util.concurrent.BlockingQueue;",
                "import java.util.concurrent.LinkedBlockingQueue;",
                "import java.util.concurrent.locks.ReadWriteLock;",
                "import java.util.concurrent.locks.ReentrantReadWriteLock;",
                "class Registry {",
                "    private final ReadWriteLock lock = new ReentrantReadWriteLock();",
                "    private final BlockingQueue<String> out = new LinkedBlockingQueue<>(8);",
                "    private int n;",
                "    void sample() throws InterruptedException {",
                "        String s;",
                "        RwUtil.acquireRead(lock);",
                "        try {",
                "            s = \"n=\" + n;",
                "        } finally {",
                "            RwUtil.releaseRead(lock);",
                "        }",
                "        out.put(s);",
                "    }",
                "    void drain() throws InterruptedException {",
                "        while (true) {",
                "            out.take();",
                "            RwUtil.acquireWrite(lock);",
                "            try { n++; } finally { RwUtil.releaseWrite(lock); }",
                "        }",
                "    }",
                "}")
                .assertClean();
    }

    @Test
    void doLockBoolean_constantSelectsTheBranch() {
        // the shape of HDFS's FSNamesystemLock: readLock() { doLock(false); }, writeLock() { doLock(true); }
        new Fixture(dir)
                .file("NamespaceLock.java",
                "import java.util.concurrent.locks.ReentrantReadWriteLock;",
                "class NamespaceLock {",
                "    private final ReentrantReadWriteLock coarseLock = new ReentrantReadWriteLock();",
                "    public void readLock() { doLock(false); }",
                "    public void writeLock() { doLock(true); }",
                "    public void readUnlock() { coarseLock.readLock().unlock(); }",
                "    public void writeUnlock() { coarseLock.writeLock().unlock(); }",
                "    private void doLock(boolean isWrite) {",
                "        long start = System.nanoTime();",
                "        if (isWrite) {",
                "            coarseLock.writeLock().lock();",
                "        } else {",
                "            coarseLock.readLock().lock();",
                "        }",
                "        System.out.println(System.nanoTime() - start);",
                "    }",
                "}")
                .file("Namesystem.java",
                "class Namesystem {",
                "    private final NamespaceLock fsLock = new NamespaceLock();",
                "    void readLock() { fsLock.readLock(); }",
                "    void readUnlock() { fsLock.readUnlock(); }",
                "    void writeLock() { fsLock.writeLock(); }",
                "    void writeUnlock() { fsLock.writeUnlock(); }",
                "    void mkdirs() {",
                "        readLock();",
                "        try {",
                "            writeLock();                   // expect: LC002",
                "            writeUnlock();",
                "        } finally {",
                "            readUnlock();",
                "        }",
                "    }",
                "    void sequential() {",
                "        readLock();",
                "        try { System.out.println(1); } finally { readUnlock(); }",
                "        writeLock();",
                "        try { System.out.println(2); } finally { writeUnlock(); }",
                "    }",
                "}")
                .assertExactlyMarked();
    }

    @Test
    void lockFromAGetterOfAnotherObject_chained() {
        new Fixture(dir)
                .file("Holder.java",
                "import java.util.concurrent.locks.ReentrantReadWriteLock;",
                "class Holder {",
                "    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();",
                "    ReentrantReadWriteLock getLock() { return rw; }",
                "}")
                .file("Outer.java",
                "class Outer {",
                "    private final Holder holder = new Holder();",
                "    Holder holder() { return holder; }",
                "    void upgrade() {",
                "        holder().getLock().readLock().lock();",
                "        try {",
                "            holder().getLock().writeLock().lock();   // expect: LC002",
                "        } finally {",
                "            holder().getLock().readLock().unlock();",
                "        }",
                "    }",
                "}")
                .assertExactlyMarked();
    }

    @Test
    void methodAssertingItsCallerHoldsTheLock_ordersNothingAgainstIt() {
        // HDFS BlockManagerSafeMode.incrementSafeBlockCount: synchronized, asserts the namesystem
        // write lock is held, and reads under it: the read is a re-entry, not monitor -> lock
        new Fixture(dir)
                .file("Ns.java",
                "import java.util.concurrent.locks.ReentrantReadWriteLock;",
                "class Ns {",
                "    private final ReentrantReadWriteLock fsLock = new ReentrantReadWriteLock();",
                "    boolean hasWriteLock() { return fsLock.isWriteLockedByCurrentThread(); }",
                "    void readLock() { fsLock.readLock().lock(); }",
                "    void readUnlock() { fsLock.readLock().unlock(); }",
                "    void writeLock() { fsLock.writeLock().lock(); }",
                "    void writeUnlock() { fsLock.writeLock().unlock(); }",
                "    int listing() { readLock(); try { return 1; } finally { readUnlock(); } }",
                "}")
                .file("SafeMode.java",
                "class SafeMode {",
                "    private final Ns ns = new Ns();",
                "    private int safe;",
                "    synchronized void increment() {",
                "        assert ns.hasWriteLock();",
                "        safe += ns.listing();",
                "    }",
                "    synchronized int tip() { return safe; }",
                "    void monitor() {",
                "        ns.writeLock();",
                "        try { tip(); } finally { ns.writeUnlock(); }",
                "    }",
                "}")
                .assertClean();
    }

    @Test
    @Disabled("known miss: a boolean argument the caller does not know keeps neither branch's lock "
            + "(the must-join drops it); the contract's \"read or write\" needs a mode that is either")
    void doLockWithUnknownArgument_keepsReadOrWrite() {
        new Fixture(dir)
                .file("Rw.java",
                "import java.util.concurrent.SynchronousQueue;",
                "import java.util.concurrent.locks.ReentrantReadWriteLock;",
                "class Rw {",
                "    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();",
                "    private final SynchronousQueue<String> q = new SynchronousQueue<>();",
                "    void lock(boolean write) { if (write) rw.writeLock().lock(); else rw.readLock().lock(); }",
                "    void put(boolean write, String s) throws InterruptedException {",
                "        lock(write);",
                "        rw.writeLock().lock();                // expect: LC002",
                "    }",
                "}")
                .assertExactlyMarked();
    }
}
