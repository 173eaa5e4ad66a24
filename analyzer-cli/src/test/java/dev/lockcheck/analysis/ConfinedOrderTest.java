package dev.lockcheck.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockcheck.report.Finding;
import dev.lockcheck.rules.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LC007 edges taken only while the outer lock's object is still confined to the thread that
 * created it (cassandra's StreamPlan being built before execute()): Coordinator.this -> Session.this
 * in Coordinator.transfer against Session.this -> Coordinator.this in Session.complete. Every
 * test that keeps the inversion differs from a clean one by the one thing that publishes the
 * coordinator.
 */
class ConfinedOrderTest {
    @TempDir
    Path dir;

    private static final String MARK = " // expect: LC007";

    /** The two classes nesting their monitors in opposite orders; {@code mark} on both inner acquisitions. */
    private Fixture pair(String mark, String... coordinatorExtra) {
        String[] head = {
            "import java.util.*;",
            "class Coordinator {",
            "    final List<String> peers = new ArrayList<>();",
            "    synchronized void transfer(String peer, Session s) {",
            "        peers.add(peer);",
            "        s.addStream(peer);" + mark,
            "    }",
            "    synchronized void sessionDone(Session s) { peers.remove(s.name()); }"};
        String[] lines = new String[head.length + coordinatorExtra.length + 1];
        System.arraycopy(head, 0, lines, 0, head.length);
        System.arraycopy(coordinatorExtra, 0, lines, head.length, coordinatorExtra.length);
        lines[lines.length - 1] = "}";
        return new Fixture(dir)
                .file("Coordinator.java", lines)
                .file("Session.java",
                "import java.util.*;",
                "class Session {",
                "    final Coordinator coordinator;",
                "    final List<String> streams = new ArrayList<>();",
                "    Session(Coordinator c) { coordinator = c; }",
                "    String name() { return \"s\"; }",
                "    synchronized void addStream(String x) { streams.add(x); }",
                "    synchronized void complete() {",
                "        streams.clear();",
                "        coordinator.sessionDone(this);" + mark,
                "    }",
                "}");
    }

    private static String[] loader(String... body) {
        String[] lines = new String[body.length + 5];
        lines[0] = "import java.util.*;";
        lines[1] = "import java.util.concurrent.*;";
        lines[2] = "class Loader {";
        lines[3] = "    static Object last;";
        System.arraycopy(body, 0, lines, 4, body.length);
        lines[lines.length - 1] = "}";
        return lines;
    }

    @Test
    void freshLocal_noOrder() {
        pair("").file("Loader.java", loader(
                "    void load(Session s) {",
                "        Coordinator c = new Coordinator();",
                "        c.transfer(\"p\", s);",
                "        last = c;",
                "    }")).assertClean();
    }

    /** A fluent chain on the fresh local: each link returns {@code this} and keeps it, so the later links run on the local too. */
    @Test
    void fluentChainOnTheFreshLocal_noOrder() {
        pair("", "    Coordinator then(String peer, Session s) { transfer(peer, s); return this; }")
                .file("Loader.java", loader(
                "    void load(Session s) {",
                "        Coordinator c = new Coordinator();",
                "        c.then(\"p\", s).then(\"q\", s).transfer(\"r\", s);",
                "        last = c;",
                "    }")).assertClean();
    }

    /** The same chain after the object was published: the order is real again. */
    @Test
    void fluentChainAfterPublication_keepsInversion() {
        pair(MARK, "    Coordinator then(String peer, Session s) { transfer(peer, s); return this; }")
                .file("Loader.java", loader(
                "    void load(Session s) {",
                "        Coordinator c = new Coordinator();",
                "        last = c;",
                "        c.then(\"p\", s).transfer(\"r\", s);",
                "    }")).assertExactlyMarked();
    }

    /** A local declared inside the loop is a new object each turn: the publication later in the turn was of the previous one. */
    @Test
    void newObjectEachLoopTurn_noOrder() {
        pair("").file("Loader.java", loader(
                "    void load(Session s, List<String> peers) {",
                "        for (String p : peers) {",
                "            Coordinator c = new Coordinator();",
                "            c.transfer(p, s);",
                "            last = c;",
                "        }",
                "    }")).assertClean();
    }

    /** A local declared before the loop is the same object on every turn: the second turn runs after the first published it. */
    @Test
    void sameObjectAcrossLoopTurns_keepsInversion() {
        pair(MARK).file("Loader.java", loader(
                "    void load(Session s, List<String> peers) {",
                "        Coordinator c = new Coordinator();",
                "        for (String p : peers) {",
                "            c.transfer(p, s);",
                "            last = c;",
                "        }",
                "    }")).assertExactlyMarked();
    }

    @Test
    void storedInStaticFieldBeforeTheTransfer_keepsInversion() {
        pair(MARK).file("Loader.java", loader(
                "    void load(Session s) {",
                "        Coordinator c = new Coordinator();",
                "        last = c;",
                "        c.transfer(\"p\", s);",
                "    }")).assertExactlyMarked();
    }

    @Test
    void passedAsArgumentBeforeTheTransfer_keepsInversion() {
        pair(MARK).file("Loader.java", loader(
                "    void load(Session s, List<Object> all) {",
                "        Coordinator c = new Coordinator();",
                "        all.add(c);",
                "        c.transfer(\"p\", s);",
                "    }")).assertExactlyMarked();
    }

    @Test
    void capturedByAnExecutorTask_keepsInversion() {
        pair(MARK).file("Loader.java", loader(
                "    void load(Session s, Executor ex) {",
                "        Coordinator c = new Coordinator();",
                "        ex.execute(() -> c.sessionDone(s));",
                "        c.transfer(\"p\", s);",
                "    }")).assertExactlyMarked();
    }

    @Test
    void calledAfterStartHandsItToAThread_keepsInversion() {
        pair(MARK, "    void start() { new Thread(this::flush).start(); }",
                "    synchronized void flush() { peers.clear(); }")
                .file("Loader.java", loader(
                "    void load(Session s) {",
                "        Coordinator c = new Coordinator();",
                "        c.start();",
                "        c.transfer(\"p\", s);",
                "    }")).assertExactlyMarked();
    }

    @Test
    void calledAfterAMethodThatKeepsItToItself_noOrder() {
        pair("", "    int retries;", "    void retries(int n) { this.retries = n; }")
                .file("Loader.java", loader(
                "    void load(Session s) {",
                "        Coordinator c = new Coordinator();",
                "        c.retries(3);",
                "        c.transfer(\"p\", s);",
                "    }")).assertClean();
    }

    @Test
    void publicationInTheLoopAroundTheTransfer_keepsInversion() {
        pair(MARK).file("Loader.java", loader(
                "    void load(Session s, List<String> peers) {",
                "        Coordinator c = new Coordinator();",
                "        for (String p : peers) {",
                "            c.transfer(p, s);",
                "            last = c;",
                "        }",
                "    }")).assertExactlyMarked();
    }

    @Test
    void constructorRegistersThis_keepsInversion() {
        pair(MARK, "    static final List<Coordinator> ALL = new ArrayList<>();", "    Coordinator() { ALL.add(this); }")
                .file("Loader.java", loader(
                "    void load(Session s) {",
                "        Coordinator c = new Coordinator();",
                "        c.transfer(\"p\", s);",
                "    }")).assertExactlyMarked();
    }

    @Test
    void receiverIsAFieldNotAFreshLocal_keepsInversion() {
        pair(MARK).file("Loader.java", loader(
                "    final Coordinator c;",
                "    Loader(Coordinator c) { this.c = c; }",
                "    void load(Session s) { c.transfer(\"p\", s); }")).assertExactlyMarked();
    }

    @Test
    void ownedFieldOfAServiceNoCallerReaches_keepsInversion() {
        pair(MARK).file("Loader.java", loader(
                "    final Coordinator c = new Coordinator();",
                "    public void load(Session s) { c.transfer(\"p\", s); }")).assertExactlyMarked();
    }

    @Test
    void oneFreshCallerAndOneGivenReceiver_keepsInversion() {
        pair(MARK).file("Loader.java", loader(
                "    void fresh(Session s) { Coordinator c = new Coordinator(); c.transfer(\"p\", s); }",
                "    void given(Coordinator c, Session s) { c.transfer(\"p\", s); }")).assertExactlyMarked();
    }

    @Test
    void noCallerInTheSources_keepsInversion() {
        pair(MARK).file("Loader.java", loader("    void idle() { }")).assertExactlyMarked();
    }

    @Test
    void throughAnOwnedFieldOfAFreshBuilderWithFluentInit_noOrder() {
        pair("")
                .file("Plan.java",
                "class Plan {",
                "    private final Coordinator coordinator;",
                "    private int n;",
                "    Plan() { this.coordinator = new Coordinator(); }",
                "    Plan retries(int n) { this.n = n; return this; }",
                "    Plan transfer(String p, Session s) { coordinator.transfer(p, s); return this; }",
                "    void execute(java.util.concurrent.Executor ex) { ex.execute(() -> coordinator.peers.clear()); }",
                "}")
                .file("Loader.java", loader(
                "    void load(Session s, List<String> peers, Executor ex) {",
                "        Plan plan = new Plan().retries(2);",
                "        if (peers.isEmpty()) return;",
                "        for (String p : peers) plan.transfer(p, s);",
                "        plan.execute(ex);",
                "    }")).assertClean();
    }

    @Test
    void builderExecutedBeforeTheTransfer_keepsInversion() {
        pair(MARK)
                .file("Plan.java",
                "class Plan {",
                "    private final Coordinator coordinator = new Coordinator();",
                "    Plan transfer(String p, Session s) { coordinator.transfer(p, s); return this; }",
                "    void execute(java.util.concurrent.Executor ex) { ex.execute(() -> coordinator.peers.clear()); }",
                "}")
                .file("Loader.java", loader(
                "    void load(Session s, Executor ex) {",
                "        Plan plan = new Plan();",
                "        plan.execute(ex);",
                "        plan.transfer(\"p\", s);",
                "    }")).assertExactlyMarked();
    }

    @Test
    void ownLockField_noOrder_lockFieldSharedByEveryCoordinator_keepsInversion() {
        String[] session = {
            "import java.util.concurrent.locks.*;",
            "class Session {",
            "    final Coordinator coordinator;",
            "    Session(Coordinator c) { coordinator = c; }",
            "    synchronized void addStream(String x) { }",
            "    synchronized void complete() { coordinator.sessionDone(); }MARK",
            "}"};
        String[] coordinator = {
            "import java.util.concurrent.locks.*;",
            "class Coordinator {",
            "    static final Lock SHARED = new ReentrantLock();",
            "    private final Lock lock = INIT;",
            "    void transfer(Session s) {",
            "        lock.lock();",
            "        try { s.addStream(\"p\"); } finally { lock.unlock(); }MARK",
            "    }",
            "    void sessionDone() { lock.lock(); try { } finally { lock.unlock(); } }",
            "}"};
        String[] loader = loader("    void load(Session s) { Coordinator c = new Coordinator(); c.transfer(s); }");
        new Fixture(dir.resolve("own"))
                .file("Session.java", fill(session, ""))
                .file("Coordinator.java", fill(coordinator, ""))
                .file("Loader.java", loader)
                .assertClean();
        new Fixture(dir.resolve("shared"))
                .file("Session.java", fill(session, MARK))
                .file("Coordinator.java", fill(replace(coordinator, "INIT", "SHARED"), MARK))
                .file("Loader.java", loader)
                .assertExactlyMarked();
    }

    private static String[] fill(String[] lines, String mark) {
        return replace(replace(lines, "MARK", mark), "INIT", "new ReentrantLock()");
    }

    private static String[] replace(String[] lines, String what, String with) {
        String[] out = lines.clone();
        for (int i = 0; i < out.length; i++) out[i] = out[i].replace(what, with);
        return out;
    }

    @Test
    void innerObjectBuiltBeforeTheInnerLock_isAWarningSayingWhy() {
        ScanResult r = pair(MARK).file("Loader.java", loader(
                "    void load(Session s) { Coordinator c = new Coordinator(); c.transfer(\"p\", s); }"))
                .file("Coordinator.java",
                "import java.util.*;",
                "class Coordinator {",
                "    final List<String> peers = new ArrayList<>();",
                "    synchronized void transfer(String peer, Session s) {",
                "        Tracker t = new Tracker();",
                "        t.note(peer);",
                "        s.addStream(peer);" + MARK,
                "    }",
                "    synchronized void sessionDone(Session s) { peers.remove(s.name()); }",
                "    class Tracker { void note(String p) { peers.add(p); } }",
                "}")
                .assertExactlyMarked();
        assertEquals(2, r.report().findings().size());
        for (Finding f : r.report().findings()) {
            assertEquals(Severity.WARNING, f.severity(), f.message());
            assertTrue(f.message().contains("still confined to the thread that created it")
                    && f.message().contains("new Tracker()"), f.message());
        }
    }

    /**
     * Known miss (cassandra's StreamCoordinator.transferStreams): the inner object keeps the
     * coordinator but only goes into the coordinator's own map; proving that needs the inner
     * object followed as an alias of the coordinator, which the proof does not do. Today a warning
     * ({@link #innerObjectBuiltBeforeTheInnerLock_isAWarningSayingWhy}).
     */
    @Disabled("FN of precision: an inner-class object kept only in the outer object's own owned map is not followed as an alias; reported as a warning")
    @Test
    void innerObjectKeptInTheCoordinatorsOwnMap_noOrder() {
        pair("").file("Loader.java", loader(
                "    void load(Session s) { Coordinator c = new Coordinator(); c.transfer(\"p\", s); }"))
                .file("Coordinator.java",
                "import java.util.*;",
                "class Coordinator {",
                "    final Map<String, Tracker> trackers = new HashMap<>();",
                "    synchronized void transfer(String peer, Session s) {",
                "        Tracker t = new Tracker();",
                "        trackers.put(peer, t);",
                "        s.addStream(peer);",
                "    }",
                "    synchronized void sessionDone(Session s) { trackers.remove(s.name()); }",
                "    class Tracker { }",
                "}")
                .assertClean();
    }
}
