package dev.lockcheck.cli;

import static dev.lockcheck.cli.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lockcheck.analysis.ScanOptions;
import dev.lockcheck.report.FileError;
import dev.lockcheck.report.Finding;
import dev.lockcheck.report.Location;
import dev.lockcheck.report.Report;
import dev.lockcheck.report.ReportJson;
import dev.lockcheck.report.TraceStep;
import dev.lockcheck.rules.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.lockcheck.cli.CliRunner.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14's faults: each ends in one line naming the problem, no stack trace, and the documented exit code. */
class FaultsTest {
    @TempDir
    Path dir;


    private Path project() throws IOException {
        Fixtures.writeProject(dir.resolve("p"));
        return dir.resolve("p/src/main/java");
    }

    @Test
    void badExcludeGlob_isBadUsage() throws IOException {
        Run r = run("scan", "--exclude", "[", project().toString());
        assertEquals(Main.EXIT_USAGE, r.exit());
        r.saysClearly("--exclude: bad glob '['");
    }

    @Test
    void outputToAFullDevice_isBadUsage() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/full")), "/dev/full (Linux)");
        Run r = run("scan", "--format", "json", "--output", "/dev/full", "--no-cache", project().toString());
        assertEquals(Main.EXIT_USAGE, r.exit());
        r.saysClearly("--output /dev/full: cannot write the report: No space left on device");
    }

    @Test
    void outputToADirectory_isBadUsage() throws IOException {
        Run r = run("scan", "--output", dir.toString(), project().toString());
        assertEquals(Main.EXIT_USAGE, r.exit());
        r.saysClearly("is a directory, not a file");
    }

    @Test
    void writeBaselineToADirectory_isBadUsage() throws IOException {
        Run r = run("scan", "--write-baseline", dir.toString(), project().toString());
        assertEquals(Main.EXIT_USAGE, r.exit());
        r.saysClearly("--write-baseline: " + dir + " is a directory, not a file");
    }

    @Test
    void hugeJobs_isCappedAtWhatHelps() throws IOException {
        assertEquals(4, ScanCommand.cappedJobs(Integer.MAX_VALUE, 2));
        assertEquals(64, ScanCommand.cappedJobs(Integer.MAX_VALUE, 96));
        assertEquals(3, ScanCommand.cappedJobs(3, 8));
        Run r = run("scan", "--jobs", "2147483647", "--no-cache", project().toString());
        assertEquals(Main.EXIT_FINDINGS, r.exit(), r.err());
    }

    @Test
    void fileOverTheSizeLimit_isSkippedWithAWarningInTheReport() throws IOException {
        Path src = project();
        Path big = src.resolve("acme/Generated.java");
        StringBuilder b = new StringBuilder("package acme;\nclass Generated {\n");
        for (int i = 0; i < 2000; i++) b.append("  int f").append(i).append(" = ").append(i).append(";\n");
        Files.writeString(big, b.append("}\n"));
        Path json = dir.resolve("r.json");
        Run r = run("scan", "--max-file-size", "20000", "--format", "json", "--output", json.toString(), "--no-cache",
                src.toString());
        assertEquals(Main.EXIT_FINDINGS, r.exit(), r.err());
        Report rep = ReportJson.read(json);
        FileError w = rep.warnings().stream().filter(e -> e.file().endsWith("acme/Generated.java")).findFirst().orElse(null);
        assertNotNull(w, rep.warnings().toString());
        assertTrue(w.message().contains("not analysed") && w.message().contains("--max-file-size"), w.message());
        assertTrue(r.err().contains("warning: ") && r.err().contains("Generated.java"), r.err());
        assertFalse(rep.findings().isEmpty(), "the other files are still scanned");
    }

    @Test
    void defaultSizeLimit_growsWithTheHeap_withinBounds() {
        long max = ScanOptions.defaultMaxFileBytes();
        assertTrue(max >= 512 * 1024 && max <= 8 * 1024 * 1024, Long.toString(max));
    }

    @Test
    void symlinkToADirectory_isScannedThroughTheLink() throws IOException {
        Path link = dir.resolve("link");
        Files.createSymbolicLink(link, project());
        Run r = run("scan", "--format", "json", "--no-cache", link.toString());
        assertEquals(Main.EXIT_FINDINGS, r.exit(), r.err());
        assertTrue(r.out().contains("\"LC001\""), r.out());
    }

    @Test
    void emptyRules_isBadUsage() throws IOException {
        Run r = run("scan", "--rules", "", project().toString());
        assertEquals(Main.EXIT_USAGE, r.exit());
        r.saysClearly("--rules: no rule given");
    }

    @Test
    void runtimeRuleForAScan_isBadUsage() throws IOException {
        Run r = run("scan", "--rules", "LC201", project().toString());
        assertEquals(Main.EXIT_USAGE, r.exit());
        r.saysClearly("LC201 is a runtime rule");
    }

    @Test
    void unreadableDirectoryInsideTheTree_isAReportError_andFailOnNeverPasses() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads every directory");
        Path src = project();
        Path locked = Files.createDirectories(src.resolve("acme/locked"));
        Files.writeString(locked.resolve("Hidden.java"), "class Hidden {}");
        assumeTrue(locked.toFile().setReadable(false, false) && !Files.isReadable(locked), "permissions are enforced");
        try {
            Run r = run("scan", "--format", "json", "--fail-on", "never", "--no-cache", src.toString());
            assertEquals(Main.EXIT_OK, r.exit(), r.err());
            JsonNode errors = ReportJson.mapper().readTree(r.out()).get("errors");
            assertTrue(errors.toString().contains("acme/locked") && errors.toString().contains("cannot read"), errors.toString());
        } finally {
            locked.toFile().setReadable(true, false);
        }
    }

    @Test
    void attachToAProcessThatIsNotAJvm_doesNotSignalIt() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            Path fakeAgent = Files.writeString(dir.resolve("agent.jar"), "not used");
            Run r = run("attach", "--agent", fakeAgent.toString(), Long.toString(sleep.pid()));
            assertEquals(Main.EXIT_USAGE, r.exit());
            r.saysClearly("is not a Java VM");
            assertFalse(sleep.waitFor(1, TimeUnit.SECONDS), "sleep must still be running");
        } finally {
            sleep.destroy();
        }
    }

    @Test
    void attachToNoProcess_isBadUsage() throws Exception {
        Path fakeAgent = Files.writeString(dir.resolve("agent.jar"), "not used");
        Run r = run("attach", "--agent", fakeAgent.toString(), "999999999");
        assertEquals(Main.EXIT_USAGE, r.exit());
        r.saysClearly("no process 999999999");
    }

    @Test
    void runtimePackagePaths_becomeProjectPaths_underTheMavenLayout() throws Exception {
        Path proj = dir.resolve("multi");
        Files.createDirectories(proj.resolve("core/src/main/java/acme"));
        Files.writeString(proj.resolve("core/src/main/java/acme/Cache.java"), "package acme; class Cache {}");
        Finding f = new Finding("LC204", Severity.ERROR, "m", new Location("acme/Cache.java", 3, 1), "L",
                List.of(new TraceStep("acme/Cache.java", 2, "acquired"), new TraceStep("java/util/X.java", 1, "jdk")),
                List.of(), "fp", null);
        Report r = SourceRoots.of(null, proj).rewrite(Report.of(Report.RUNTIME, List.of(f), null, null, null));
        assertEquals("core/src/main/java/acme/Cache.java", r.findings().get(0).location().file());
        assertEquals("core/src/main/java/acme/Cache.java", r.findings().get(0).trace().get(0).file());
        assertEquals("java/util/X.java", r.findings().get(0).trace().get(1).file(), "not in the project: unchanged");
    }

    @Test
    void reportCommand_withSourceRoot_namesRepositoryPathsInSarif() throws Exception {
        Path proj = dir.resolve("repo");
        Files.createDirectories(proj.resolve(".git"));
        Files.createDirectories(proj.resolve("app/src/main/java/acme"));
        Files.writeString(proj.resolve("app/src/main/java/acme/Cache.java"), "package acme; class Cache {}");
        Finding f = new Finding("LC204", Severity.ERROR, "m", new Location("acme/Cache.java", 3, 1), "L", List.of(),
                List.of(), "fp", null);
        Path in = dir.resolve("runtime.json");
        try (OutputStream o = Files.newOutputStream(in)) {
            ReportJson.write(Report.of(Report.RUNTIME, List.of(f), null, null, null), o);
        }
        Path sarif = dir.resolve("out.sarif");
        Run r = run("report", in.toString(), "--format", "sarif", "--output", sarif.toString(),
                "--source-root", proj.resolve("app/src/main/java").toString(), "--fail-on", "never");
        assertEquals(Main.EXIT_OK, r.exit(), r.err());
        JsonNode s = ReportJson.mapper().readTree(sarif.toFile());
        assertEquals("app/src/main/java/acme/Cache.java", s.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText(),
                s.toString());
    }

    @Test
    void scanJsonOfTheSamples_matchesTheDocumentedSchema() throws Exception {
        Path samples = Path.of(System.getProperty("lockcheck.samples", "../samples"), "src/main/java");
        assumeTrue(Files.isDirectory(samples), "samples present");
        Path json = dir.resolve("samples.json");
        Run r = run("scan", samples.toString(), "--format", "json", "--output", json.toString(), "--fail-on", "never", "--no-cache");
        assertEquals(Main.EXIT_OK, r.exit(), r.err());
        assertEquals(List.of(), dev.lockcheck.report.JsonSchemaSubset.reportSchema().validate(ReportJson.mapper().readTree(json.toFile())));
    }
}
