package dev.lockcheck.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockcheck.fixture.StateLocals;
import dev.lockcheck.report.Finding;
import dev.lockcheck.report.Report;
import dev.lockcheck.report.ReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One thread-state lookup per method, in a real JVM with {@code -Xverify:all}: the fixture's methods
 * with several hook sites (loops, try/catch/finally, synchronized blocks and methods) verify, run
 * warm (JIT-compiled) to the same checksum as without the agent, and the agent reports the same
 * findings as with the per-site lookup ({@code -Dlockcheck.stateLocal=false}).
 */
class StateLocalIT {
    private static final Path AGENT = Path.of(System.getProperty("lockcheck.agent.jar", "target/lockcheck-agent.jar"));
    private static final Path WORK = Path.of(System.getProperty("lockcheck.work", "target/runtime-it"));

    private static List<String> run(String name, boolean stateLocal) throws Exception {
        return run(name, "-Dlockcheck.stateLocal=" + stateLocal, null);
    }

    /** The fixture under the agent with one more JVM option; its standard error goes to stderr[0] when given. */
    private static List<String> run(String name, String property, String[] stderrOut) throws Exception {
        Files.createDirectories(WORK);
        Path report = WORK.resolve(name + ".json").toAbsolutePath();
        Path err = WORK.resolve(name + ".err");
        Path out = WORK.resolve(name + ".out");
        Files.deleteIfExists(report);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xverify:all", property,
                "-javaagent:" + AGENT.toAbsolutePath() + "=report=" + report,
                "-cp", Path.of("target/test-classes").toAbsolutePath().toString(), StateLocals.class.getName())
                .redirectError(err.toFile()).redirectOutput(out.toFile());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the fixture ends by itself");
        String stderr = Files.readString(err);
        if (stderrOut != null) stderrOut[0] = stderr;
        assertEquals(0, p.exitValue(), stderr);
        assertFalse(stderr.contains("could not instrument") || stderr.contains("VerifyError"), stderr);
        assertEquals("checksum " + new StateLocals().call(), Files.readString(out).strip(), stderr);
        Report r = ReportJson.read(report);
        return r.findings().stream().map(StateLocalIT::identity).sorted().toList();
    }

    /**
     * A finding as the rule and the locks it names: the same inversion is reported from either of
     * its two edges (which one the report leads with is not fixed), so its {@code lock} alone
     * differs between two runs of the same program.
     */
    private static String identity(Finding f) {
        java.util.TreeSet<String> locks = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("dev\\.lockcheck\\.fixture\\.StateLocals\\.\\w+(?![\\w(])")
                .matcher(f.message());
        while (m.find()) locks.add(m.group());
        if (f.lock() != null) locks.add(f.lock());
        return f.ruleId() + " " + locks;
    }

    @Test
    void methodsWithSeveralSites_verifyRunAndReportTheSameAsThePerSiteLookup() throws Exception {
        List<String> once = run("statelocal", true);
        List<String> perSite = run("statelocal-persite", false);
        assertTrue(once.stream().anyMatch(f -> f.startsWith("LC204")), "the lock-order inversion is predicted: " + once);
        assertEquals(perSite, once);
    }

    /**
     * {@code -Dlockcheck.record=false} (the measuring floor: instrumented, nothing recorded): the
     * rewritten code runs to the same checksum, the agent says it records nothing, and the
     * inversion the recording agent predicts is not reported.
     */
    @Test
    void recordFalse_instrumentsRunsAndRecordsNothing() throws Exception {
        String[] stderr = new String[1];
        List<String> none = run("record-off", "-Dlockcheck.record=false", stderr);
        assertTrue(stderr[0].contains("lockcheck.record=false"), stderr[0]);
        assertEquals(List.of(), none);
        assertTrue(run("record-on", "-Dlockcheck.record=true", null).stream().anyMatch(f -> f.startsWith("LC204")),
                "the same fixture recorded: the inversion is predicted");
    }
}
