package dev.lockcheck.analysis;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Callbacks run under a lock by a helper whose name says nothing about locks (issue 10, shape 3):
 * a Spring-style {@code tx.within(callback)} runs the callback object while holding its lock. The
 * anonymous class given at the call (or a lambda) is walked with that lock held, and a finding is
 * reported inside it. The helper's file names a lock, the caller's need not: the prefilter parses
 * the files naming a helper that runs a callback under a lock, and its class.
 */
class AnonymousCallbackShapesTest {
    /** samples/callbacks/Transactions.java */
    private static final String[] TRANSACTIONS = {
        "",
        "import java.util.concurrent.locks.ReentrantLock;",
        "",
        "/**",
        " * A Spring-style transaction tx: runs the caller's callback object while holding its lock.",
        " * Nothing in its name says \"lock\", so a caller's code reads like any other call.",
        " */",
        "public class Transactions {",
        "    public interface Unit<T> {",
        "        T apply() throws Exception;",
        "    }",
        "",
        "    private final ReentrantLock txGate = new ReentrantLock();",
        "",
        "    public <T> T within(Unit<T> callback) throws Exception {",
        "        txGate.lock();",
        "        try {",
        "            return callback.apply();",
        "        } finally {",
        "            txGate.unlock();",
        "        }",
        "    }",
        "",
        "    /** Keeps the callback for enqueue: it does not run under the lock. */",
        "    public <T> void enqueue(Unit<T> callback, java.util.List<Unit<?>> queue) {",
        "        txGate.lock();",
        "        try {",
        "            queue.add(callback);",
        "        } finally {",
        "            txGate.unlock();",
        "        }",
        "    }",
        "}"};

    /** samples/callbacks/Ledger.java, the bad form: an anonymous callback waits, under the lock, for a task that needs the lock. */
    private static final String[] LEDGER = {
        "",
        "import java.util.ArrayList;",
        "import java.util.List;",
        "import java.util.concurrent.ExecutorService;",
        "import java.util.concurrent.Future;",
        "",
        "/**",
        " * An anonymous-class callback run by {@link Transactions#within} under the tx's lock waits for",
        " * a pooled task that runs a transaction on the same tx (its lock): the task waits for the",
        " * lock, the callback for the task (LC008, reported inside the callback).",
        " */",
        "public class Ledger {",
        "    private final Transactions tx;",
        "    private final ExecutorService pool;",
        "    private final List<String> entries = new ArrayList<>();",
        "",
        "    public Ledger(Transactions tx, ExecutorService pool) {",
        "        this.tx = tx;",
        "        this.pool = pool;",
        "    }",
        "",
        "    int countEntries() throws Exception {",
        "        return tx.within(entries::size);",
        "    }",
        "",
        "    public String build() throws Exception {",
        "        return tx.within(new Transactions.Unit<String>() {",
        "            @Override",
        "            public String apply() throws Exception {",
        "                Future<Integer> total = pool.submit(Ledger.this::countEntries);",
        "                return \"entries: \" + total.get(); // expect: LC008",
        "            }",
        "        });",
        "    }",
        "}"};

    /** The same with a lambda. */
    private static final String[] LEDGER_LAMBDA = Fixture.replacing(LEDGER, "return tx.within(new Transactions.Unit<String>() {", "});",
            "        return tx.within(() -> {",
            "            Future<Integer> total = pool.submit(this::countEntries);",
            "            return \"entries: \" + total.get(); // expect: LC008",
            "        });");

    /** The bad form in a class that takes a lock of its own (so the prefilter parses its file). */
    private static final String[] LEDGER_LOCKING = Fixture.replacing(LEDGER, "public class Ledger {", "public class Ledger {",
            "public class Ledger {",
            "    private final java.util.concurrent.locks.ReentrantLock own = new java.util.concurrent.locks.ReentrantLock();",
            "",
            "    void touch() {",
            "        own.lock();",
            "        try {",
            "            entries.clear();",
            "        } finally {",
            "            own.unlock();",
            "        }",
            "    }");

    /** samples/callbacks/LedgerFixed.java: the fixed form and clean look-alikes. */
    private static final String[] LEDGER_FIXED = {
        "",
        "import java.util.ArrayList;",
        "import java.util.List;",
        "import java.util.concurrent.ExecutorService;",
        "import java.util.concurrent.Future;",
        "",
        "/**",
        " * The fixed form of the anonymous callback that waits, under {@link Transactions}'s lock, for a task",
        " * needing that lock (the bad form: {@link Ledger}, whose file names no lock: the default scan parses",
        " * it as a caller of the tx's helper), and its clean look-alikes: the task is waited for outside the",
        " * transaction; a callback that waits for a task needing no lock; a callback the tx only",
        " * queues (it runs enqueue, not under the lock).",
        " */",
        "public class LedgerFixed {",
        "    private final Transactions tx;",
        "    private final ExecutorService pool;",
        "    private final List<String> entries = new ArrayList<>();",
        "    private final List<Transactions.Unit<?>> queue = new ArrayList<>();",
        "",
        "    public LedgerFixed(Transactions tx, ExecutorService pool) {",
        "        this.tx = tx;",
        "        this.pool = pool;",
        "    }",
        "",
        "    int countEntries() throws Exception {",
        "        return tx.within(entries::size);",
        "    }",
        "",
        "    int countCached() {",
        "        return entries.size();",
        "    }",
        "",
        "    public String build() throws Exception {",
        "        Future<Integer> total = pool.submit(LedgerFixed.this::countEntries);",
        "        int n = total.get();",
        "        return tx.within(new Transactions.Unit<String>() {",
        "            @Override",
        "            public String apply() {",
        "                return \"entries: \" + n;",
        "            }",
        "        });",
        "    }",
        "",
        "    public String buildWithoutLockInTask() throws Exception {",
        "        return tx.within(new Transactions.Unit<String>() {",
        "            @Override",
        "            public String apply() throws Exception {",
        "                Future<Integer> total = pool.submit(LedgerFixed.this::countCached);",
        "                return \"entries: \" + total.get();",
        "            }",
        "        });",
        "    }",
        "",
        "    public void buildLater() {",
        "        tx.enqueue(new Transactions.Unit<String>() {",
        "            @Override",
        "            public String apply() throws Exception {",
        "                Future<Integer> total = pool.submit(LedgerFixed.this::countEntries);",
        "                return \"entries: \" + total.get();",
        "            }",
        "        }, queue);",
        "    }",
        "}"};

    @TempDir
    Path dir;

    @Test
    void anonymousCallbackWaitingForATaskNeedingTheHelpersLock_isLC008InsideIt_fullParse() {
        new Fixture(dir).fullParse()
                .file("Transactions.java", TRANSACTIONS)
                .file("Ledger.java", LEDGER)
                .file("LedgerFixed.java", LEDGER_FIXED)
                .assertExactlyMarked();
    }

    @Test
    void lambdaGivenToTheHelper_isWalkedTheSameWay_fullParse() {
        new Fixture(dir).fullParse()
                .file("Transactions.java", TRANSACTIONS)
                .file("Ledger.java", LEDGER_LAMBDA)
                .assertExactlyMarked();
    }

    /** When the caller's file is parsed anyway (it takes a lock of its own), the default scan finds it too. */
    @Test
    void callerThatLocksItself_isFoundByTheDefaultScan() {
        new Fixture(dir)
                .file("Transactions.java", TRANSACTIONS)
                .file("Ledger.java", LEDGER_LOCKING)
                .assertExactlyMarked();
    }

    /**
     * The caller's file names no lock: the helper, walked in the first round, runs a callback of
     * its caller under its lock, so the files naming the helper and its class are parsed in the
     * next round.
     */
    @Test
    void anonymousCallbackWaitingForATaskNeedingTheHelpersLock_isLC008InsideIt_defaultScan() {
        new Fixture(dir)
                .file("Transactions.java", TRANSACTIONS)
                .file("Ledger.java", LEDGER)
                .assertExactlyMarked();
    }
}
