package dev.lockcheck.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockcheck.report.Finding;
import dev.lockcheck.report.Report;
import dev.lockcheck.report.ReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The archive {@code mvn package} builds, unpacked and used as a user would: {@code bin/lockcheck}
 * called from a directory under /tmp that has nothing to do with this repository.
 */
public class DistributionIT {
    public static Path home;
    public static Path userDir;

    public record Run(int exit, String out, String err) {
    }

    @BeforeAll
    public static synchronized void unpack() throws Exception {
        if (home != null) return;
        Path archive = Path.of(System.getProperty("lockcheck.dist"));
        assertTrue(Files.isRegularFile(archive), "mvn package builds " + archive);
        Path into = Files.createTempDirectory(Path.of("/tmp"), "lockcheck-dist");
        Process tar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", into.toString()).inheritIO().start();
        assertEquals(0, tar.waitFor());
        try (var s = Files.list(into)) {
            home = s.findFirst().orElseThrow();
        }
        userDir = Files.createTempDirectory(Path.of("/tmp"), "lockcheck-user");
    }

    public static Run run(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin/lockcheck").toString());
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("dist", ".out");
        Path err = Files.createTempFile("dist", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("LOCKCHECK_AGENT_JAR");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void archive_holdsTheLauncherTheJarsTheRulePagesAndTheSchema() {
        assertTrue(Files.isExecutable(home.resolve("bin/lockcheck")));
        assertTrue(Files.isRegularFile(home.resolve("lib/lockcheck.jar")));
        assertTrue(Files.isRegularFile(home.resolve("lib/lockcheck-agent.jar")));
        assertTrue(Files.isRegularFile(home.resolve("docs/rules/LC001.md")));
        assertTrue(Files.isRegularFile(home.resolve("docs/rules/LC201.md")));
        assertTrue(Files.isRegularFile(home.resolve("docs/lockcheck-report.schema.json")));
    }

    @Test
    void scan_fromAnotherDirectory_findsTheSeedAndExitsOne() throws Exception {
        Path project = Files.createDirectories(userDir.resolve("scan-project/src/main/java/acme"));
        Files.copy(Path.of(System.getProperty("lockcheck.samples"), "src/main/java/lockcheck/samples/lc001/SeedSynchronousQueue.java"),
                project.resolve("Seed.java"));
        Run r = run(userDir.resolve("scan-project"), "scan", "src/main/java", "--no-cache");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("[LC001]"), r.out());
        Run rules = run(userDir, "rules");
        assertEquals(0, rules.exit(), rules.err());
        assertTrue(rules.out().contains("LC204"), rules.out());
    }

    @Test
    void run_withABadAgentOption_failsWithTwo_andSaysWhich() throws Exception {
        Run r = run(userDir, "run", "--agent-options", "foo=bar", "--", "java", "-version");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("unknown option 'foo'"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void run_whereNoJvmRanTheAgent_failsWithTwo() throws Exception {
        // a command that starts Java without the environment lockcheck run gave it: nothing was checked
        Run r = run(userDir, "run", "--", "env", "-u", "JAVA_TOOL_OPTIONS", "java", "-version");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("nothing was checked"), r.err());
    }

    @Test
    void run_withAReportsDirectoryItCannotCreate_failsWithTwo() throws Exception {
        Path blocker = Files.writeString(userDir.resolve("not-a-dir"), "x");
        Run r = run(userDir, "run", "--reports", blocker.resolve("sub").toString(), "--", "java", "-version");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("--reports: cannot create"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void attach_toAProcessThatIsNotAJvm_leavesItAlone() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            Run r = run(userDir, "attach", Long.toString(sleep.pid()));
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().contains("not a Java VM"), r.err());
            assertTrue(sleep.isAlive(), "sleep was not signalled");
        } finally {
            sleep.destroy();
        }
    }

    @Test
    void attach_twice_saysTheAgentRunsAlready_andIgnoresNothingSilently() throws Exception {
        Path src = Files.writeString(userDir.resolve("Sleeper.java"),
                "public class Sleeper { public static void main(String[] a) throws Exception { System.out.println(\"ready\"); Thread.sleep(120_000); } }");
        Process jvm = new ProcessBuilder("java", src.toString()).redirectErrorStream(true).start();
        try {
            java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(jvm.getInputStream()));
            assertEquals("ready", r.readLine());
            String pid = Long.toString(jvm.pid());
            Run first = run(userDir, "attach", pid, "--agent-options", "report=" + userDir.resolve("attached.json"));
            assertEquals(0, first.exit(), first.out() + first.err());
            Run second = run(userDir, "attach", pid, "--agent-options", "interval=200");
            assertEquals(2, second.exit(), second.out() + second.err());
            assertTrue(second.err().contains("already running") && second.err().contains("interval=200"), second.err());
            Run bad = run(userDir, "attach", pid, "--agent-options", "colour=red");
            assertEquals(2, bad.exit(), bad.err());
            assertTrue(bad.err().contains("unknown option 'colour'"), bad.err());
            assertTrue(jvm.isAlive());
        } finally {
            jvm.destroyForcibly();
        }
    }

    /** The seed hang under `lockcheck run`, from a project directory holding its source: the report names the project path. */
    public static Report seedHang(Path json) throws Exception {
        Path project = Files.createDirectories(userDir.resolve("runtime-project"));
        Path src = Files.createDirectories(project.resolve("src/main/java/lockcheck/samples/runtime"));
        Files.copy(Path.of(System.getProperty("lockcheck.samples"), "src/main/java/lockcheck/samples/runtime/SeedHang.java"),
                src.resolve("SeedHang.java"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Run r = run(project, "run", "--agent-options", "onDeadlock=exit,interval=200", "--format", "json", "--output",
                json.toString(), "--", "java", "-cp", System.getProperty("lockcheck.samples.classes"),
                "lockcheck.samples.runtime.SeedHang");
        assertEquals(1, r.exit(), r.out() + r.err());
        return ReportJson.read(json);
    }

    @Test
    void run_seedHang_reportsLC201_withTheProjectPathOfTheSource() throws Exception {
        Report rep = seedHang(userDir.resolve("seed.json"));
        Finding f = rep.findings().stream().filter(x -> x.ruleId().equals("LC201")).findFirst().orElseThrow();
        assertEquals("src/main/java/lockcheck/samples/runtime/SeedHang.java", f.location().file(),
                "the package path resolved under the project's src/main/java");
    }
}
