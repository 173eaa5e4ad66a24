package dev.lockcheck.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockcheck.report.Cycle;
import dev.lockcheck.report.Finding;
import dev.lockcheck.report.Report;
import dev.lockcheck.report.ReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts a real JVM with {@code -javaagent:lockcheck-agent.jar} on each runtime sample and checks
 * its exit status and JSON report. Runs in the integration-test phase, after the agent jar is shaded.
 */
class RuntimeSamplesIT {
    private static final Path AGENT = Path.of(System.getProperty("lockcheck.agent.jar", "target/lockcheck-agent.jar"));
    private static final Path SAMPLES = Path.of(System.getProperty("lockcheck.samples.classes", "../samples/target/classes"));
    private static final Path WORK = Path.of(System.getProperty("lockcheck.work", "target/runtime-it"));

    record Run(int exit, Report report, String stdout, String stderr) {
        List<String> rules() {
            return report.findings().stream().map(Finding::ruleId).toList();
        }

        Finding only(String rule) {
            List<Finding> fs = report.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
            assertEquals(1, fs.size(), () -> "one " + rule + " expected in " + rules() + "\n" + stderr);
            return fs.get(0);
        }
    }

    static Run run(String sample, String options) throws Exception {
        return run(sample, options, null);
    }

    /** Runs the sample; {@code stop}, when given, is called with the process and its stdout file while it runs. */
    static Run run(String sample, String options, java.util.function.BiConsumer<Process, Path> stop) throws Exception {
        return run(sample, options, stop, "");
    }

    /** {@code classPathTail}: more class path after the samples (with its separator), or "". */
    static Run run(String sample, String options, java.util.function.BiConsumer<Process, Path> stop, String classPathTail)
            throws Exception {
        Files.createDirectories(WORK);
        Path report = WORK.resolve(sample + ".json").toAbsolutePath();
        Files.deleteIfExists(report);
        Path out = WORK.resolve(sample + ".out");
        Path err = WORK.resolve(sample + ".err");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-javaagent:" + AGENT.toAbsolutePath() + "=report=" + report + (options.isEmpty() ? "" : "," + options));
        cmd.add("-cp");
        cmd.add(SAMPLES.toAbsolutePath() + classPathTail);
        cmd.add("lockcheck.samples.runtime." + sample);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("JAVA_TOOL_OPTIONS"); // under `lockcheck run`, the sample gets exactly one agent: ours
        Process p = pb.start();
        if (stop != null) stop.accept(p, out);
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(sample + " did not end within 90 s");
        }
        String stderr = read(err);
        assertTrue(Files.exists(report), () -> sample + ": no report written; stderr:\n" + stderr);
        Report rep = ReportJson.read(report);
        for (Finding f : rep.findings()) {
            // every runtime finding carries its cycle as data, and no place is "unknown:0"
            assertNotNull(f.cycle(), () -> sample + ": " + f.ruleId() + " without its cycle");
            assertFalse(f.location().file().equals("unknown"), () -> sample + ": unknown location in " + f);
            assertTrue(f.trace().stream().noneMatch(t -> t.file().equals("unknown")), () -> sample + ": unknown step in " + f);
        }
        return new Run(p.exitValue(), rep, read(out), stderr);
    }

    private static String read(Path p) throws java.io.IOException {
        return Files.exists(p) ? Files.readString(p) : "";
    }

    @Test
    void seedHang_endsItselfWith86_andReportsTheLiveCycle() throws Exception {
        Run r = run("SeedHang", "onDeadlock=exit,interval=200");
        assertEquals(86, r.exit(), r.stderr());
        Finding f = r.only("LC201");
        assertEquals("runtime", r.report().source());
        assertEquals("lockcheck.samples.runtime.SeedHang.lock", f.lock());
        List<String> names = f.threads().stream().map(t -> t.name()).sorted().toList();
        assertEquals(List.of("consumer", "producer", "writer"), names);
        assertTrue(f.threads().stream().allMatch(t -> !t.stack().isEmpty()), "every thread has its stack");
        assertEquals("lockcheck/samples/runtime/SeedHang.java", f.location().file());
        assertTrue(r.stderr().contains("*** DEADLOCK ***"), r.stderr());
    }

    @Test
    void seedHang_cycleData_namesTheHolderTheQueuedWriterTheBlockedReaderAndTheHandoff() throws Exception {
        Run r = run("SeedHang", "onDeadlock=exit,interval=200");
        Cycle c = r.only("LC201").cycle();
        assertNotNull(c, "LC201 carries its cycle");
        assertTrue(c.live());
        String producer = node(c.threads(), "producer");
        String consumer = node(c.threads(), "consumer");
        String writer = node(c.threads(), "writer");
        String lock = node(c.locks(), "lockcheck.samples.runtime.SeedHang.lock");
        assertEquals(1, c.handoffs().size(), c.toString());
        Cycle.Node queue = c.handoffs().get(0);
        assertEquals("SynchronousQueue.put", queue.name());
        assertEquals("SeedHang.java:23", c.locks().get(0).site(), "the lock's allocation site");
        assertEdge(c, producer, lock, Cycle.HOLDS, "read");
        assertEdge(c, writer, lock, Cycle.WAITS_FOR, "write");
        assertEdge(c, consumer, lock, Cycle.WAITS_FOR, "read");
        assertEdge(c, producer, queue.id(), Cycle.WAITS_FOR, null);
        assertEdge(c, consumer, queue.id(), Cycle.COMPLETES, null);
    }

    static String node(List<Cycle.Node> nodes, String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + name + " in " + nodes)).id();
    }

    static void assertEdge(Cycle c, String from, String to, String kind, String mode) {
        assertTrue(c.edges().stream().anyMatch(e -> e.from().equals(from) && e.to().equals(to) && e.kind().equals(kind)
                && java.util.Objects.equals(mode, e.mode())), () -> "no edge " + from + " " + kind + " " + to + " (" + mode
                + ") in " + c.edges());
    }

    @Test
    void seedHang_withReportOnly_isReportedAndTheProgramEndsOnItsOwnTimeout() throws Exception {
        // the program's own timeout is 20 s: the deadlock is reported long before, the JVM is not stopped
        Run r = run("SeedHang", "interval=200");
        assertEquals(2, r.exit(), r.stderr());
        assertEquals(List.of("LC201"), r.rules());
    }

    @Test
    void seedProgramWhereTheWriterComesLate_isPredicted() throws Exception {
        Run r = run("SeedNoHang", "");
        assertEquals(0, r.exit(), r.stderr());
        Finding f = r.only("LC202");
        assertEquals("lockcheck.samples.runtime.SeedNoHang.lock", f.lock());
        assertEquals(1, f.cycle().handoffs().size(), f.cycle().toString());
        assertTrue(f.cycle().edges().stream().anyMatch(e -> e.kind().equals(Cycle.COMPLETES)), f.cycle().toString());
        assertTrue(r.stderr().contains("*** POSSIBLE DEADLOCK ***"), r.stderr());
        assertEquals(List.of("LC202"), r.rules());
    }

    @Test
    void readLockAcrossFutureGetOnATaskThatReadsIt_isPredicted() throws Exception {
        Run r = run("ReadLockAcrossFutureGet", "");
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(List.of("LC202"), r.rules());
    }

    @Test
    void readToWriteUpgrade_isReportedBeforeBlocking_andExitStops86() throws Exception {
        Run r = run("ReadToWriteUpgrade", "onDeadlock=exit,interval=200");
        assertEquals(86, r.exit(), r.stderr());
        Finding f = r.only("LC203");
        assertEquals(19, f.location().line());
        Cycle c = f.cycle();
        String t = c.threads().get(0).id();
        String l = c.locks().get(0).id();
        assertEdge(c, t, l, Cycle.HOLDS, "read");
        assertEdge(c, t, l, Cycle.WAITS_FOR, "write");
        assertEquals(List.of("LC203"), r.rules());
    }

    @Test
    void stampedLockReadTakenTwice_isReported() throws Exception {
        Run r = run("StampedLockNesting", "");
        assertEquals(0, r.exit(), r.stderr());
        Finding f = r.only("LC205");
        assertEquals(25, f.location().line());
        assertNotNull(f.cycle());
    }

    @Test
    void twoLocksInOppositeOrdersOneThreadAfterTheOther_isReportedOnce() throws Exception {
        Run r = run("LockOrderInversion", "");
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(List.of("LC204"), r.rules());
        Cycle c = r.only("LC204").cycle();
        assertEquals(2, c.locks().size(), c.toString());
        assertEquals(2, c.threads().size(), c.toString());
        assertTrue(r.report().findings().stream().allMatch(f -> f.cycle() != null && !f.cycle().live()));
    }

    @Test
    void synchronizedMethodsCallingEachOtherInOppositeOrders_isReportedOnce() throws Exception {
        Run r = run("SynchronizedMethodInversion", "");
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(List.of("LC204"), r.rules());
        Cycle c = r.only("LC204").cycle();
        assertEquals(2, c.locks().size(), c.toString());
        assertTrue(c.edges().stream().allMatch(e -> "monitor".equals(e.mode())), c.toString());
        assertTrue(r.only("LC204").message().contains("Account.deposit"), r.only("LC204").message());
    }

    @Test
    void synchronizedMethodsDeadlocked_areReportedLiveAsALockOrderDeadlockBetweenMonitors_andExit86() throws Exception {
        Run r = run("SynchronizedMethodHang", "onDeadlock=exit,interval=200");
        assertEquals(86, r.exit(), r.stderr());
        Finding f = r.only("LC201");
        assertTrue(f.message().startsWith("live lock-order deadlock between monitors"), f.message());
        assertEquals("lockcheck/samples/runtime/SynchronizedMethodHang.java", f.location().file());
        assertEquals(2, f.cycle().locks().size(), f.cycle().toString());
        assertEquals(2, f.cycle().edges().stream().filter(e -> e.kind().equals(Cycle.HOLDS)).count(), f.cycle().toString());
    }

    @Test
    void deadlockInsideJdkCode_hashtableMonitors_isReadFromTheJvm_andExit86() throws Exception {
        Run r = run("HashtableHang", "onDeadlock=exit,interval=200");
        assertEquals(86, r.exit(), r.stderr());
        Finding f = r.only("LC201");
        assertTrue(f.message().contains("lock-order deadlock between monitors java.util.Hashtable@"), f.message());
        assertEquals(List.of("put-a", "put-b"), f.threads().stream().map(t -> t.name()).sorted().toList());
        assertEquals(2, f.cycle().locks().size(), f.cycle().toString());
    }

    @Test
    void readLockAcrossSupplyAsyncJoin_whoseTaskReadLocks_writerQueued_isLive_andExit86() throws Exception {
        Run r = run("ReadLockAcrossJoin", "onDeadlock=exit,interval=200");
        assertEquals(86, r.exit(), r.stderr());
        Finding f = r.only("LC201");
        assertEquals("lockcheck.samples.runtime.ReadLockAcrossJoin.lock", f.lock());
        Cycle c = f.cycle();
        assertEquals("CompletableFuture.join", c.handoffs().get(0).name());
        assertTrue(c.edges().stream().anyMatch(e -> e.kind().equals(Cycle.COMPLETES) && !e.inferred()),
                "the task's runner is known: " + c);
        assertEdge(c, node(c.threads(), "writer"), c.locks().get(0).id(), Cycle.WAITS_FOR, "write");
        assertEdge(c, node(c.threads(), "holder"), c.locks().get(0).id(), Cycle.HOLDS, "read");
    }

    @Test
    void readLockAcrossLatchAwait_counterMustReadLockFirst_writerQueued_isLiveWithAnInferredCompleter_andExit86()
            throws Exception {
        Run r = run("ReadLockAcrossLatchAwait", "onDeadlock=exit,interval=200");
        assertEquals(86, r.exit(), r.stderr());
        Finding f = r.only("LC201");
        assertTrue(f.message().contains("inferred"), f.message());
        assertTrue(f.message().contains("loader"), f.message());
        Cycle c = f.cycle();
        assertEdge(c, node(c.threads(), "loader"), c.handoffs().get(0).id(), Cycle.COMPLETES, null);
        assertTrue(c.edges().stream().anyMatch(e -> e.kind().equals(Cycle.COMPLETES) && e.inferred()), c.toString());
        assertEdge(c, node(c.threads(), "loader"), c.locks().get(0).id(), Cycle.WAITS_FOR, "read");
    }

    @Test
    void nestedMonitorLockout_waitHoldingAnotherMonitorTheNotifierNeeds_isLive_andExit86() throws Exception {
        Run r = run("NestedMonitorLockout", "onDeadlock=exit,interval=200");
        assertEquals(86, r.exit(), r.stderr());
        Finding f = r.only("LC201");
        assertTrue(f.message().startsWith("live nested-monitor lockout"), f.message());
        assertEquals("lockcheck.samples.runtime.NestedMonitorLockout.outer", f.cycle().locks().get(0).name());
        assertEquals("Object.wait", f.cycle().handoffs().get(0).name());
    }

    @Test
    void programEndingInRuntimeHalt_stillLeavesTheReport() throws Exception {
        Run r = run("EndsInHalt", "interval=60000");
        assertEquals(3, r.exit(), r.stderr());
        assertEquals(List.of("LC204"), r.rules());
    }

    @Test
    void programHaltingOnItsOwnDeadlockCheck_beforeTheWatchdogLooks_stillReportsTheLiveDeadlock() throws Exception {
        Run r = run("HaltsOnItsOwnDeadlockCheck", "interval=60000");
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(r.stdout().contains("deadlock detected"), r.stdout());
        Finding f = r.only("LC201");
        assertTrue(f.message().startsWith("live lock-order deadlock between monitors"), f.message());
    }

    @Test
    void programStoppedBySigterm_stillLeavesTheReport() throws Exception {
        Run r = run("EndsBySignal", "interval=60000", (p, out) -> {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            try {
                while (System.nanoTime() < until && !(Files.exists(out) && Files.readString(out).contains("ready"))) {
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            p.destroy(); // SIGTERM: shutdown hooks run
        });
        assertEquals(143, r.exit(), r.stderr());
        assertEquals(List.of("LC204"), r.rules());
    }

    @Test
    void gateLockedCycleAndACycleOnlyOneThreadCouldTake_stayQuiet_theRealOneIsReportedOnce() throws Exception {
        Run r = run("GateLockCycles", "");
        assertEquals(0, r.exit(), r.stderr());
        Finding f = r.only("LC204");
        assertTrue(f.message().contains("GateLockCycles.ledger"), f.message());
        assertTrue(f.message().contains("new ReentrantLock() at GateLockCycles.java:25"), f.message());
    }

    @Test
    void childFirstClassLoaderOverTheAgentJar_stillReachesTheOneTracker() throws Exception {
        // PowerMock-style: the loader defines every class it finds on the class path itself, the
        // agent jar included; the hook classes are hidden there, so it must use the bootstrap copy
        Run r = run("ChildFirstLoader", "", null, java.io.File.pathSeparator + AGENT.toAbsolutePath());
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(List.of("LC204"), r.rules());
    }

    @Test
    void busyTryLockLoop_isAStorm() throws Exception {
        Run r = run("TryLockStorm", "");
        assertEquals(0, r.exit(), r.stderr());
        Finding f = r.only("LC206");
        assertEquals(26, f.location().line());
        assertNotNull(f.cycle());
    }

    @Test
    void cleanWorkloads_reportNothing() throws Exception {
        for (String sample : List.of("CleanDowngrade", "CleanHandoffOutsideLock", "CleanReadOnlyLock",
                "ReentrantReadWithWriterQueued")) {
            Run r = run(sample, "onDeadlock=exit,interval=200");
            assertEquals(0, r.exit(), sample + ": " + r.stderr());
            assertEquals(List.of(), r.rules(), sample);
            assertFalse(r.stderr().contains("lockcheck"), sample + " printed: " + r.stderr());
        }
    }

    @Test
    void badOptions_saySo_andTheApplicationStillRuns() throws Exception {
        Path report = WORK.resolve("bad.json");
        Files.createDirectories(WORK);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + AGENT.toAbsolutePath() + "=onDeadlock=maybe", "-cp", SAMPLES.toAbsolutePath().toString(),
                "lockcheck.samples.runtime.CleanDowngrade")
                .redirectError(report.resolveSibling("bad.err").toFile()).redirectOutput(WORK.resolve("bad.out").toFile());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertTrue(Files.readString(report.resolveSibling("bad.err")).contains("onDeadlock must be report or exit"));
    }
}
