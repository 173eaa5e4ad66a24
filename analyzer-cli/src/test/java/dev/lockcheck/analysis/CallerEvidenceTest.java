package dev.lockcheck.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockcheck.report.Finding;
import dev.lockcheck.rules.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 items 4 and the run-time-chosen lock: evidence from the callers (every caller in the
 * sources already holds the inner lock), from the monitor expression (a monitor picked at run time
 * has no single identity) and from the argument types (which overload runs).
 */
class CallerEvidenceTest {
    @TempDir
    Path dir;

    private static String[] pool(String marker) {
        return new String[] {
            "import java.util.concurrent.locks.ReentrantReadWriteLock;",
            "class Pool {",
            "    final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();",
            "    final Manager manager = new Manager();",
            "    String id;",
            "    String id() {",
            "        rw.readLock().lock();",
            "        try { return id; } finally { rw.readLock().unlock(); }",
            "    }",
            "    void register() {",
            "        rw.writeLock().lock();",
            "        try { init(this); } finally { rw.writeLock().unlock(); }" + marker,
            "    }",
            "    void init(Pool p) { manager.add(p); }",
            "}"};
    }

    @Test
    void everyCallerHoldsTheInnerLock_throughACallerHoldingNothing_noOrder() {
        new Fixture(dir)
                .file("Pool.java", pool(""))
                .file("Manager.java",
                "import java.util.*;",
                "class Manager {",
                "    final Map<String, Pool> byId = new HashMap<>();",
                "    synchronized void add(Pool p) { byId.put(p.id(), p); }",
                "}")
                .assertClean();
    }

    @Test
    void oneCallerWithoutTheLock_keepsTheInversion() {
        new Fixture(dir)
                .file("Pool.java", pool(" // expect: LC007"))
                .file("Manager.java",
                "import java.util.*;",
                "class Manager {",
                "    final Map<String, Pool> byId = new HashMap<>();",
                "    synchronized void add(Pool p) { byId.put(p.id(), p); } // expect: LC007",
                "    void refresh(Pool p) { add(p); }",
                "}")
                .assertExactlyMarked();
    }

    @Test
    void aMethodReferenceHidesTheCallers_keepsTheInversion() {
        new Fixture(dir)
                .file("Pool.java", pool(" // expect: LC007"))
                .file("Manager.java",
                "import java.util.*;",
                "import java.util.function.Consumer;",
                "class Manager {",
                "    final Map<String, Pool> byId = new HashMap<>();",
                "    synchronized void add(Pool p) { byId.put(p.id(), p); } // expect: LC007",
                "    Consumer<Pool> adder() { return this::add; }",
                "}")
                .assertExactlyMarked();
    }

    @Test
    void inversionInsideAMonitorChosenAtRunTime_isAWarningSayingWhy() {
        ScanResult r = new Fixture(dir)
                .file("Peer.java",
                "class Peer {",
                "    static final Object CONFIG = new Object();",
                "    void update(Connector c) {",
                "        Object outer = (c != null) ? c : CONFIG;",
                "        synchronized (outer) {",
                "            synchronized (CONFIG) {",
                "                if (c != null) c.connect(); // expect: LC007",
                "            }",
                "        }",
                "    }",
                "}")
                .file("Connector.java",
                "class Connector {",
                "    synchronized void connect() {",
                "        synchronized (Peer.CONFIG) { System.out.println(); } // expect: LC007",
                "    }",
                "    void reconnect() { connect(); }",
                "}")
                .assertExactlyMarked();
        for (Finding f : r.report().findings()) {
            assertEquals(Severity.WARNING, f.severity(), f.message());
            assertTrue(f.message().contains("synchronized (outer)") && f.message().contains("chosen at run time"), f.message());
        }
    }

    @Test
    void namedMonitors_stayErrors() {
        ScanResult r = new Fixture(dir)
                .file("Peer.java",
                "class Peer {",
                "    static final Object CONFIG = new Object();",
                "    void update(Connector c) {",
                "        synchronized (CONFIG) {",
                "            c.connect(); // expect: LC007",
                "        }",
                "    }",
                "}")
                .file("Connector.java",
                "class Connector {",
                "    synchronized void connect() {",
                "        synchronized (Peer.CONFIG) { System.out.println(); } // expect: LC007",
                "    }",
                "    void reconnect() { connect(); }",
                "}")
                .assertExactlyMarked();
        for (Finding f : r.report().findings()) assertEquals(Severity.ERROR, f.severity(), f.message());
    }
}
