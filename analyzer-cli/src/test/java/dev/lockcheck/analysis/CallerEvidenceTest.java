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

    private static final String[] CHANNEL = {
            "class Channel {",
            "    static final Object QUEUE = new Object();",
            "    void send(String line) { System.out.println(line); }",
            "    void send(Job job) { synchronized (QUEUE) { job.run(); } }",
            "    void send(int code, String why) { System.out.println(why); }",
            "    void send(Job job, String why) { synchronized (QUEUE) { job.run(); } }",
            "}"};

    @Test
    void overloadChosenByLiteralLocalOrParameterType_notTheBlockingTwin() {
        new Fixture(dir)
                .file("Channel.java", CHANNEL)
                .file("Job.java", "class Job { void run() { } }")
                .file("Node.java",
                "class Node {",
                "    final Channel channel = new Channel();",
                "    synchronized void report(String why) {",
                "        channel.send(\"done\");",
                "        String s = why + 1;",
                "        channel.send(s);",
                "        channel.send(why);",
                "        channel.send(3, why);",
                "    }",
                "    static void drain(Node n) { synchronized (Channel.QUEUE) { n.report(\"x\"); } }",
                "    void retry() { report(\"y\"); }",
                "}")
                .assertClean();
    }

    @Test
    void overloadChosenByNewExpression_isTheBlockingOne() {
        new Fixture(dir)
                .file("Channel.java", CHANNEL)
                .file("Job.java", "class Job { void run() { } }")
                .file("Node.java",
                "class Node {",
                "    final Channel channel = new Channel();",
                "    synchronized void submit() {",
                "        channel.send(new Job()); // expect: LC007",
                "    }",
                "    static void drain(Node n) { synchronized (Channel.QUEUE) { n.submit(); } } // expect: LC007",
                "    void retry() { submit(); }",
                "}")
                .assertExactlyMarked();
    }

    @Test
    void overloadWithAnArgumentOfUnknownType_keepsEveryCandidate() {
        new Fixture(dir)
                .file("Channel.java", CHANNEL)
                .file("Job.java", "class Job { void run() { } }")
                .file("Node.java",
                "class Node {",
                "    final Channel channel = new Channel();",
                "    synchronized void relay(java.util.function.Supplier<?> s) {",
                "        channel.send(pick(s)); // expect: LC007",
                "    }",
                "    static <T> T pick(java.util.function.Supplier<?> s) { return null; }",
                "    static void drain(Node n) { synchronized (Channel.QUEUE) { n.relay(null); } } // expect: LC007",
                "    void retry() { relay(null); }",
                "}")
                .assertExactlyMarked();
    }
}
