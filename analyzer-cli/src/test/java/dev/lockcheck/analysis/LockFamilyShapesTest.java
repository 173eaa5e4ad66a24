package dev.lockcheck.analysis;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-key lock families and dynamic lock order (issue 10, shape 4): locks kept in a map, list,
 * array or Guava Striped are one family; the same key is the same lock; two entries, or two
 * parameters of one type, nested in the order the caller gives are the transfer deadlock.
 */
class LockFamilyShapesTest {
    @TempDir
    Path dir;

    @Test
    void transferBetweenTwoAccounts_noOrder_isReported_orderedByIdIsNot() {
        new Fixture(dir)
                .file("Account.java",
                "class Account {",
                "    final long id;",
                "    long balance;",
                "    Account(long id) { this.id = id; }",
                "}")
                .file("Bank.java",
                "class Bank {",
                "    void transfer(Account from, Account to, long amount) {",
                "        synchronized (from) {",
                "            synchronized (to) {                 // expect: LC007",
                "                from.balance -= amount;",
                "                to.balance += amount;",
                "            }",
                "        }",
                "    }",
                "    void transferOrdered(Account from, Account to, long amount) {",
                "        Account first = from.id < to.id ? from : to;",
                "        Account second = first == from ? to : from;",
                "        synchronized (first) {",
                "            synchronized (second) {",
                "                from.balance -= amount;",
                "                to.balance += amount;",
                "            }",
                "        }",
                "    }",
                "}")
                .assertExactlyMarked();
    }

    @Test
    void lockMapEntries_sameKeyIsTheSameLock_twoKeysNestedIsDynamicOrder() {
        new Fixture(dir)
                .file("Rows.java",
                "import java.util.Map;",
                "import java.util.concurrent.ConcurrentHashMap;",
                "import java.util.concurrent.locks.ReentrantReadWriteLock;",
                "class Rows {",
                "    private final Map<String, ReentrantReadWriteLock> locks = new ConcurrentHashMap<>();",
                "    private ReentrantReadWriteLock lockFor(String key) {",
                "        return locks.computeIfAbsent(key, k -> new ReentrantReadWriteLock());",
                "    }",
                "    void upgrade(String key) {",
                "        ReentrantReadWriteLock l = locks.computeIfAbsent(key, k -> new ReentrantReadWriteLock());",
                "        l.readLock().lock();",
                "        try {",
                "            locks.get(key).writeLock().lock();  // expect: LC002",
                "        } finally {",
                "            l.readLock().unlock();",
                "        }",
                "    }",
                "    void move(String a, String b) {",
                "        locks.get(a).writeLock().lock();",
                "        try {",
                "            locks.get(b).writeLock().lock();    // expect: LC007",
                "            locks.get(b).writeLock().unlock();",
                "        } finally {",
                "            locks.get(a).writeLock().unlock();",
                "        }",
                "    }",
                "    void readTwo(String a, String b) {",
                "        locks.get(a).readLock().lock();",
                "        try {",
                "            locks.get(b).readLock().lock();     // two reads: no order",
                "            locks.get(b).readLock().unlock();",
                "        } finally {",
                "            locks.get(a).readLock().unlock();",
                "        }",
                "    }",
                "}")
                .assertExactlyMarked();
    }

    @Test
    void guavaStripedAndArrays_areFamilies() {
        new Fixture(dir)
                .file("Stripes.java",
                "import com.google.common.util.concurrent.Striped;",
                "import java.util.concurrent.locks.Lock;",
                "import java.util.concurrent.locks.ReentrantLock;",
                "class Stripes {",
                "    private final Striped<Lock> striped = Striped.lock(16);",
                "    private final Lock[] slots = new Lock[8];",
                "    void both(Object k1, Object k2) {",
                "        striped.get(k1).lock();",
                "        try {",
                "            striped.get(k2).lock();             // expect: LC007",
                "            striped.get(k2).unlock();",
                "        } finally {",
                "            striped.get(k1).unlock();",
                "        }",
                "    }",
                "    void slots(int i, int j) {",
                "        int lo = Math.min(i, j);",
                "        int hi = Math.max(i, j);",
                "        if (lo < hi) {",
                "            slots[lo].lock();",
                "            try { slots[hi].lock(); slots[hi].unlock(); } finally { slots[lo].unlock(); }",
                "        }",
                "    }",
                "}")
                .assertExactlyMarked();
    }
}
