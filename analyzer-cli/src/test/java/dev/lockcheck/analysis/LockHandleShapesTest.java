package dev.lockcheck.analysis;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Locks taken through handles (issue 10, shape 1): {@code try (H h = x.acquire())} holds the lock
 * for the block and releases it when the resource closes. Library handles come from the knowledge
 * table ({@code LockHandles}); handle classes of the sources from their summaries.
 */
class LockHandleShapesTest {
    @TempDir
    Path dir;

    private static final String[] AUTO_CLOSEABLE_LOCK = {
            "package org.apache.hadoop.util;",
            "import java.util.concurrent.locks.Lock;",
            "public class AutoCloseableLock implements AutoCloseable {",
            "    public AutoCloseableLock(Lock lock) { }",
            "    public AutoCloseableLock acquire() { return this; }",
            "    public void release() { }",
            "    public void close() { }",
            "}"};

    @Test
    void hadoopAutoCloseableLock_readThenWriteInsideTheBlock_isUpgrade() {
        new Fixture(dir)
                .file("Cache.java",
                "import java.util.concurrent.locks.ReentrantReadWriteLock;",
                "import org.apache.hadoop.util.AutoCloseableLock;",
                "class Cache {",
                "    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();",
                "    private final AutoCloseableLock readLock = new AutoCloseableLock(rw.readLock());",
                "    private final AutoCloseableLock writeLock = new AutoCloseableLock(rw.writeLock());",
                "    void refresh() {",
                "        try (AutoCloseableLock l = readLock.acquire()) {",
                "            try (AutoCloseableLock w = writeLock.acquire()) {   // expect: LC002",
                "                System.out.println(\"refresh\");",
                "            }",
                "        }",
                "    }",
                "    void afterTheBlock() {",
                "        try (AutoCloseableLock l = readLock.acquire()) {",
                "            System.out.println(\"read\");",
                "        }",
                "        try (AutoCloseableLock w = writeLock.acquire()) {       // the read handle is closed",
                "            System.out.println(\"write\");",
                "        }",
                "    }",
                "}")
                .assertExactlyMarked();
    }

    @Test
    void libraryHandleOnly_isUnderstoodWithoutItsSource() {
        // the tree only uses AutoCloseableLock: the table says what acquire() does
        new Fixture(dir)
                .file("Journal.java",
                "import java.util.concurrent.SynchronousQueue;",
                "import java.util.concurrent.locks.ReentrantReadWriteLock;",
                "import org.apache.hadoop.util.AutoCloseableLock;",
                "class Journal {",
                "    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();",
                "    private final AutoCloseableLock readLock = new AutoCloseableLock(lock.readLock());",
                "    private final AutoCloseableLock writeLock = new AutoCloseableLock(lock.writeLock());",
                "    private final SynchronousQueue<String> q = new SynchronousQueue<>();",
                "    void publish(String s) throws InterruptedException {",
                "        try (AutoCloseableLock l = readLock.acquire()) {",
                "            q.put(s);                                   // expect: LC001",
                "        }",
                "        q.put(s);",
                "    }",
                "    void consume() throws InterruptedException {",
                "        String s = q.take();",
                "        try (AutoCloseableLock l = writeLock.acquire()) {",
                "            System.out.println(s);",
                "        }",
                "    }",
                "}")
                .assertExactlyMarked();
    }

    @Test
    void handleClassOfTheSources_withLambdaAndObjectHandles() {
        new Fixture(dir)
                .file("Store.java",
                "import java.util.concurrent.locks.ReentrantReadWriteLock;",
                "class Store {",
                "    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();",
                "    interface Unlocker extends AutoCloseable { void close(); }",
                "    Unlocker readLocked() {",
                "        rw.readLock().lock();",
                "        return () -> rw.readLock().unlock();",
                "    }",
                "    Unlocker writeLocked() {",
                "        rw.writeLock().lock();",
                "        return () -> rw.writeLock().unlock();",
                "    }",
                "    void upgrade() {",
                "        try (Unlocker r = readLocked()) {",
                "            try (Unlocker w = writeLocked()) {          // expect: LC002",
                "                System.out.println(\"x\");",
                "            }",
                "        }",
                "    }",
                "    void sequential() {",
                "        try (Unlocker r = readLocked()) {",
                "            System.out.println(\"r\");",
                "        }",
                "        try (Unlocker w = writeLocked()) {",
                "            System.out.println(\"w\");",
                "        }",
                "    }",
                "}")
                .assertExactlyMarked();
    }

    @Test
    void dataNodeLockManager_readThenWriteOfTheSameKey_isUpgrade_anotherKeyIsDynamicOrder() {
        new Fixture(dir)
                .file("Dataset.java",
                "import org.apache.hadoop.hdfs.server.common.AutoCloseDataSetLock;",
                "import org.apache.hadoop.hdfs.server.common.DataNodeLockManager;",
                "import org.apache.hadoop.hdfs.server.common.DataNodeLockManager.LockLevel;",
                "class Dataset {",
                "    private DataNodeLockManager<AutoCloseDataSetLock> lockManager;",
                "    void move(String bpid, String other) {",
                "        try (AutoCloseDataSetLock l = lockManager.readLock(LockLevel.BLOCK_POOl, bpid)) {",
                "            try (AutoCloseDataSetLock w = lockManager.writeLock(LockLevel.BLOCK_POOl, bpid)) {   // expect: LC002",
                "                System.out.println(bpid);",
                "            }",
                "            try (AutoCloseDataSetLock w = lockManager.writeLock(LockLevel.BLOCK_POOl, other)) {  // expect: LC007",
                "                System.out.println(other);",
                "            }",
                "        }",
                "    }",
                "}")
                .assertExactlyMarked();
    }

    @Test
    void dataNodeVolumeLock_isTakenUnderItsBlockPoolReadLock() {
        // DataSetLockManager takes the block pool's read lock before a volume lock: a block pool
        // read inside a volume lock is a re-entry, not the reverse order of the one in b()
        new Fixture(dir)
                .file("Volumes.java",
                "import org.apache.hadoop.hdfs.server.common.AutoCloseDataSetLock;",
                "import org.apache.hadoop.hdfs.server.common.DataNodeLockManager;",
                "import org.apache.hadoop.hdfs.server.common.DataNodeLockManager.LockLevel;",
                "class Volumes {",
                "    private DataNodeLockManager<AutoCloseDataSetLock> lockManager;",
                "    void a(String bpid, String vol) {",
                "        try (AutoCloseDataSetLock v = lockManager.writeLock(LockLevel.VOLUME, bpid, vol)) {",
                "            get(bpid);",
                "        }",
                "    }",
                "    void b(String bpid, String vol) {",
                "        try (AutoCloseDataSetLock l = lockManager.readLock(LockLevel.BLOCK_POOl, bpid)) {",
                "            try (AutoCloseDataSetLock v = lockManager.writeLock(LockLevel.VOLUME, bpid, vol)) { // expect: LC004",
                "                System.out.println(vol);",
                "            }",
                "        }",
                "    }",
                "    private Object get(String bpid) {",
                "        try (AutoCloseDataSetLock l = lockManager.readLock(LockLevel.BLOCK_POOl, bpid)) {",
                "            return bpid;",
                "        }",
                "    }",
                "}")
                .assertExactlyMarked();
    }

    @Test
    void guavaMonitor_enterLeave_isALock() {
        new Fixture(dir)
                .file("Pool.java",
                "import com.google.common.util.concurrent.Monitor;",
                "import java.util.concurrent.SynchronousQueue;",
                "class Pool {",
                "    private final Monitor monitor = new Monitor();",
                "    private final Object other = new Object();",
                "    void a() {",
                "        monitor.enter();",
                "        try {",
                "            synchronized (other) {                  // expect: LC007",
                "                System.out.println(\"a\");",
                "            }",
                "        } finally {",
                "            monitor.leave();",
                "        }",
                "    }",
                "    void b() {",
                "        synchronized (other) {",
                "            monitor.enter();                        // expect: LC007",
                "            try {",
                "                System.out.println(\"b\");",
                "            } finally {",
                "                monitor.leave();",
                "            }",
                "        }",
                "    }",
                "}")
                .assertExactlyMarked();
    }
}
