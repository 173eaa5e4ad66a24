package dev.lockcheck.analysis;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LC007 on the code shapes behind its false positives on ZooKeeper, Kafka, HDFS and Cassandra
 * (the triage of issue 3): each fixture is the minimal form of a real report that was wrong, and
 * must stay silent. The comments inside say which line was reported and why it was wrong. The
 * true inversions are in samples/lc007. Fixtures only need to parse: the two-names one writes
 * {@code Base.this} inside Child's inner class, which javac rejects, to keep Kafka's two names of
 * one monitor in two lines (samples/lc007/SuperclassThis is the compilable look-alike).
 */
class LockOrderShapesTest {
    @TempDir
    Path dir;

    @Test
    void syncMethodMonitor_isReleasedWhenTheCallReturns() {
        new Fixture(dir)
                .file("Registry.java",
                "// Shape: a call to a synchronized method leaves its monitor \"held\" in the caller after it returns.",
                "// BodyAnalyzer.run() acquires the method's own monitor at entry but never releases it at the",
                "// exits, so Summary.exitHeld contains it and applySummaries() re-acquires it in every caller.",
                "// Real code: KafkaAdminClient.java:1438 AppInfoParser.unregisterAppInfo() (static synchronized),",
                "// SubscriptionState.assignedPartitions(), LockMap.getReadLock(), FSNamesystem.isInSafeMode()...",
                "class Registry {",
                "    static synchronized void unregister(String id) {   // takes and releases Registry.class",
                "        System.out.println(\"unregister \" + id);",
                "    }",
                "",
                "    synchronized int size() {                          // takes and releases Registry.this",
                "        return 0;",
                "    }",
                "}")
                .file("Client.java",
                "class Client {",
                "    private final Registry registry = new Registry();",
                "",
                "    void close() {",
                "        Registry.unregister(\"c\");          // Registry.class is released when this returns",
                "        registry.size();                   // Registry.this likewise",
                "        synchronized (this) {              // lockcheck WRONGLY reports LC007 here: \"Monitor Client.this is",
                "            System.out.println(\"closed\");  // acquired while holding monitor Registry.class (acquired line 5)\"",
                "        }                                  // (and the same for Registry.this, acquired line 6)",
                "    }",
                "",
                "    void run() {",
                "        synchronized (this) {",
                "            Registry.unregister(\"r\");      // the genuine order Client.this -> Registry.class: lockcheck",
                "        }                                  // reports this line too, as the other edge of the false cycle",
                "    }",
                "}")
                .assertClean();
    }

    @Test
    void returnInsideSynchronized_releasesTheMonitor() {
        new Fixture(dir)
                .file("Config.java",
                "// Shape: a `return` inside a synchronized block leaves the block's monitor \"held\" at the method's",
                "// exit. BodyAnalyzer's ReturnStmt handling adds the state to `exits` (throughFinally only applies",
                "// finally-releases), and the enclosing SynchronizedStmt never gets to release it, so the getter's",
                "// Summary.exitHeld contains the monitor and every caller believes it still holds it.",
                "// Real code: QuorumPeer.getQuorumVerifier() (QuorumPeer.java:1860), DatanodeDescriptor.getStorageInfos()",
                "// (DatanodeDescriptor.java:306), AbstractCoordinator...generationUnchanged() (AbstractCoordinator.java:1308).",
                "class Config {",
                "    final Object QV_LOCK = new Object();",
                "    private String verifier = \"v1\";",
                "",
                "    String getVerifier() {",
                "        synchronized (QV_LOCK) {",
                "            return verifier;               // the monitor is released here",
                "        }",
                "    }",
                "}")
                .file("Peer.java",
                "class Peer {",
                "    private final Config config = new Config();",
                "    private String current;",
                "",
                "    synchronized void refresh() {",
                "        current = config.getVerifier();    // genuine order Peer.this -> Config.QV_LOCK (reported too, as the other edge)",
                "    }",
                "",
                "    void elect() {",
                "        String v = config.getVerifier();   // QV_LOCK is released again when getVerifier() returns",
                "        synchronized (this) {              // lockcheck WRONGLY reports LC007 here: \"Monitor Peer.this is acquired",
                "            current = v;                   // while holding monitor Config.QV_LOCK (acquired line 10)\"",
                "        }",
                "    }",
                "}")
                .assertClean();
    }

    @Test
    void reenteringAHeldMonitor_ordersNothing() {
        new Fixture(dir)
                .file("Sensor.java",
                "// Shape: re-entering a monitor the thread already holds (same object) is counted as a new",
                "// lock-order edge. Holding S then M, calling a synchronized method of S again records M -> S, which",
                "// with S -> M forms a \"cycle\" inside one method. A reentrant acquisition never waits, so it is",
                "// no edge (lockcheck already skips it when S is the only lock held: it should also skip it when",
                "// the same instance path is held lower in the stack).",
                "// Real code: Metrics.removeSensor (Metrics.java:450-453), Login.reLogin (Login.java:418/430/434),",
                "// QuorumCnxManager.connectOne (QuorumCnxManager.java:742/753/764), Dispatcher.markMovedIfGoodBlock",
                "// (Dispatcher.java:288/289 -> 1402), DelegationTokenSecretManager.SerializerCompat (176/513).",
                "import java.util.ArrayList;",
                "import java.util.List;",
                "",
                "class Sensor {",
                "    private final List<String> metrics = new ArrayList<>();",
                "",
                "    synchronized List<String> metrics() {",
                "        return new ArrayList<>(metrics);",
                "    }",
                "}")
                .file("Registry.java",
                "import java.util.HashMap;",
                "import java.util.Map;",
                "",
                "class Registry {",
                "    private final Map<String, Sensor> sensors = new HashMap<>();",
                "",
                "    void removeSensor(String name) {",
                "        Sensor sensor = sensors.get(name);",
                "        if (sensor == null) return;",
                "        synchronized (sensor) {                      // S",
                "            synchronized (this) {                    // S -> Registry.this: genuine, and the only order",
                "                for (String m : sensor.metrics()) {  // lockcheck WRONGLY reports LC007 here: \"Monitor Sensor.this is",
                "                    System.out.println(m);           // acquired ... while holding monitor Registry.this\" -- it is the same",
                "                }                                    // `sensor` already held two lines up: a reentrant entry, no wait",
                "            }",
                "        }",
                "    }",
                "}")
                .assertClean();
    }

    @Test
    void oneObjectUnderTwoNames_isOneMonitor() {
        new Fixture(dir)
                .file("Base.java",
                "// Shape: one object locked under two names. `Child.this` and `Base.this` (subclass and superclass",
                "// `this`, e.g. from inner classes or inherited synchronized methods), or a field `moved` and the",
                "// `MovedBlocks.this` of its synchronized methods, are one monitor; lockcheck makes them two lock",
                "// classes and reports their (reentrant) nesting as an inversion.",
                "// Real code: ConsumerCoordinator.this vs AbstractCoordinator.this (ConsumerCoordinator.java:1359/1392,",
                "// AbstractCoordinator.java:1308); DBlock.this vs MovedBlocks.Locations.this (Dispatcher.java:873/874);",
                "// LeaderZooKeeperServer.this vs ZooKeeperServer.this (LeaderZooKeeperServer.java:90/92);",
                "// Dispatcher.movedBlocks vs MovedBlocks.this (Dispatcher.java:289 vs MovedBlocks.java:67/113).",
                "abstract class Base {",
                "    protected int generation;",
                "",
                "    class Handler {",
                "        boolean unchanged(int g) {",
                "            synchronized (Base.this) {",
                "                return generation == g;",
                "            }",
                "        }",
                "    }",
                "}")
                .file("Child.java",
                "final class Child extends Base {",
                "    private int state;",
                "",
                "    class CommitHandler extends Handler {",
                "        void onError(int g) {",
                "            synchronized (Child.this) {           // same object as Base.this",
                "                if (!unchanged(g)) {               // lockcheck WRONGLY reports LC007 here: \"Monitor Base.this is acquired",
                "                    state++;                       // ... while holding monitor Child.this\"",
                "                }",
                "            }",
                "        }",
                "",
                "        void onFenced() {",
                "            synchronized (Base.this) {",
                "                synchronized (Child.this) {        // and here: \"Monitor Child.this is acquired while holding Base.this\"",
                "                    state--;                       // -- a reentrant entry of the one monitor",
                "                }",
                "            }",
                "        }",
                "    }",
                "}")
                .assertClean();
    }

    @Test
    void holdCountGuard_noNestedReadForCallersHoldingTheLock_butTheUnguardedFormIsReported() {
        new Fixture(dir).file("Log.java",
                "import java.util.*; import java.util.concurrent.locks.*;",
                "class Log {",
                "  final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();",
                "  final List<String> lines = new ArrayList<>();",
                "  List<String> committed() {",
                "    if (rw.getReadHoldCount() > 0) return lines;",
                "    rw.readLock().lock();",
                "    try { return new ArrayList<>(lines); } finally { rw.readLock().unlock(); }",
                "  }",
                "  List<String> unguarded() {",
                "    rw.readLock().lock();",
                "    try { return new ArrayList<>(lines); } finally { rw.readLock().unlock(); }",
                "  }",
                "  void sync() {",
                "    rw.readLock().lock();",
                "    try {",
                "      committed().size();",
                "      unguarded().size(); // expect: LC004",
                "    } finally { rw.readLock().unlock(); }",
                "  }",
                "  void add(String s) { rw.writeLock().lock(); try { lines.add(s); } finally { rw.writeLock().unlock(); } }",
                "}").assertExactlyMarked();
    }

    @Test
    void acquisitionGuardedByTheHoldCount_isNoOrderForCallersHoldingTheLock() {
        new Fixture(dir)
                .file("Log.java",
                        "// Shape: an acquisition guarded by the lock's own hold count. getCommitted() takes the read lock",
                        "// under its monitor only when the caller does NOT already hold the read lock; every caller in the",
                        "// sources holds it, so the order monitor -> read(logLock) never runs. lockcheck's summary of",
                        "// getCommitted() keeps the guarded rl.lock() whatever the caller holds, and reports a cycle.",
                        "// Real code: ZKDatabase.getCommittedLog (ZKDatabase.java:225-232) and LearnerHandler.syncFollower",
                        "// (LearnerHandler.java:801/815, read lock held until 927).",
                        "import java.util.ArrayList;",
                        "import java.util.Collection;",
                        "import java.util.List;",
                        "import java.util.concurrent.locks.ReentrantReadWriteLock;",
                        "",
                        "class Log {",
                        "    final ReentrantReadWriteLock logLock = new ReentrantReadWriteLock();",
                        "    private final List<String> committed = new ArrayList<>();",
                        "",
                        "    synchronized Collection<String> getCommitted() {",
                        "        ReentrantReadWriteLock.ReadLock rl = logLock.readLock();",
                        "        if (logLock.getReadHoldCount() > 0) {",
                        "            return committed;",
                        "        }",
                        "        rl.lock();                                 // lockcheck WRONGLY reports LC007 here: \"Read lock Log.logLock is",
                        "        try {                                      // acquired while holding monitor Log.this\" (unreachable for the",
                        "            return new ArrayList<>(committed);     // only caller, which holds the read lock)",
                        "        } finally {",
                        "            rl.unlock();",
                        "        }",
                        "    }",
                        "",
                        "    void add(String s) {",
                        "        logLock.writeLock().lock();",
                        "        try { committed.add(s); } finally { logLock.writeLock().unlock(); }",
                        "    }",
                        "}")
                .file("Syncer.java",
                        "import java.util.concurrent.locks.ReentrantReadWriteLock;",
                        "",
                        "class Syncer {",
                        "    private final Log log = new Log();",
                        "",
                        "    void sync() {",
                        "        ReentrantReadWriteLock.ReadLock rl = log.logLock.readLock();",
                        "        try {",
                        "            rl.lock(); // expect: LC005 ",
                        "            if (log.getCommitted().isEmpty()) {    // lockcheck also reports this line (read(logLock) -> Log.this),",
                        "                System.out.println(\"empty\");       // the genuine order; the opposite one never runs",
                        "            }",
                        "        } finally {",
                        "            rl.unlock();",
                        "        }",
                        "    }",
                        "}")
                .assertExactlyMarked();
    }
}
