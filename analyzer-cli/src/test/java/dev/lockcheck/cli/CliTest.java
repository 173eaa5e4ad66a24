package dev.lockcheck.cli;

import static dev.lockcheck.cli.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lockcheck.report.ReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.lockcheck.cli.CliRunner.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a CI script sees it: exit codes, formats, options, suppressions. */
class CliTest {
    @TempDir
    Path dir;

    private static final String HANDOFF = String.join("\n",
            "import java.util.concurrent.*; import java.util.concurrent.locks.*;",
            "class Feed {",
            "  final ReentrantReadWriteLock rw = new ReentrantReadWriteLock(); final SynchronousQueue<String> q = new SynchronousQueue<>();",
            "  void stream() throws InterruptedException {",
            "    rw.readLock().lock();",
            "    try { q.put(\"x\"); } finally { rw.readLock().unlock(); }",
            "  }",
            "  void refresh() { rw.writeLock().lock(); try { } finally { rw.writeLock().unlock(); } }",
            // the taker reads under the same lock after each take: LC001 is an error (rules.md)
            "  void consume() throws InterruptedException {",
            "    while (true) { q.take(); rw.readLock().lock(); try { } finally { rw.readLock().unlock(); } }",
            "  }",
            "}");

    private static final String TIMED_ONLY = HANDOFF.replace("q.put(\"x\")", "q.offer(\"x\", 1, TimeUnit.SECONDS)");

    private static final String CLEAN = String.join("\n",
            "import java.util.concurrent.locks.*;",
            "class Clean {",
            "  final ReentrantLock l = new ReentrantLock(); int n;",
            "  void inc() { l.lock(); try { n++; } finally { l.unlock(); } }",
            "}");


    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void cleanTree_exitsZero() throws IOException {
        write("src/Clean.java", CLEAN);
        Run r = run("scan", dir.resolve("src").toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("no findings"), r.out());
    }

    @Test
    void errorFinding_exitsOne_andTextIsCompilerStyleWithTrace() throws IOException {
        write("src/Feed.java", HANDOFF);
        String root = dir.resolve("src").toString();
        Run r = run("scan", root);
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith(root + "/Feed.java:6:11: error: [LC001] "), r.out());
        assertTrue(r.out().contains("    " + root + "/Feed.java:5: read lock Feed.rw acquired"), r.out());
        assertTrue(r.out().contains("lockcheck: 1 error, 0 warnings (LC001 x1) in 1 file"), r.out());
    }

    @Test
    void failOnNever_exitsZeroEvenWithErrors() throws IOException {
        write("src/Feed.java", HANDOFF);
        assertEquals(0, run("scan", "--fail-on", "never", dir.resolve("src").toString()).exit());
    }

    @Test
    void warningsOnly_passByDefault_failWithFailOnWarning() throws IOException {
        write("src/Feed.java", TIMED_ONLY);
        String root = dir.resolve("src").toString();
        Run byDefault = run("scan", root);
        assertEquals(0, byDefault.exit(), byDefault.out());
        assertTrue(byDefault.out().contains("warning: [LC001]"), byDefault.out());
        assertEquals(1, run("scan", "--fail-on", "warning", root).exit());
    }

    @Test
    void unknownOption_exitsTwoAndNamesTheOption() {
        Run r = run("scan", "--frobnicate", dir.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--frobnicate"), r.err());
    }

    @Test
    void badOptionValues_exitTwoNamingTheOption() {
        assertTrue(run("scan", "--format", "xml", dir.toString()).err().contains("--format"));
        assertTrue(run("scan", "--jobs", "0", dir.toString()).err().contains("--jobs"));
        Run rules = run("scan", "--rules", "LC999", dir.toString());
        assertEquals(2, rules.exit());
        assertTrue(rules.err().contains("LC999"), rules.err());
    }

    @Test
    void missingPath_exitsTwo_butStillScansAndReportsTheOtherRoot() throws IOException {
        write("src/Feed.java", HANDOFF);
        Path out = dir.resolve("report.json");
        Run r = run("scan", "--format", "json", "--output", out.toString(),
                dir.resolve("nope").toString(), dir.resolve("src").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no such file or directory: " + dir.resolve("nope")), r.err());
        JsonNode report = ReportJson.mapper().readTree(out.toFile());
        assertEquals(1, report.path("findings").size());
    }

    @Test
    void jsonReport_followsTheContract() throws IOException {
        write("src/pkg/Feed.java", "package pkg;\n" + HANDOFF);
        Run r = run("scan", "--format", "json", dir.resolve("src").toString());
        assertEquals(1, r.exit());
        JsonNode j = ReportJson.mapper().readTree(r.out());
        assertEquals("lockcheck-report/1", j.path("schema").asText());
        assertEquals("lockcheck", j.path("tool").path("name").asText());
        assertEquals("static", j.path("source").asText());
        JsonNode f = j.path("findings").get(0);
        assertEquals("LC001", f.path("ruleId").asText());
        assertEquals("error", f.path("severity").asText());
        assertEquals("pkg/Feed.java", f.path("location").path("file").asText());
        assertEquals(7, f.path("location").path("line").asInt());
        assertEquals("pkg.Feed.rw", f.path("lock").asText());
        assertEquals(6, f.path("trace").get(0).path("line").asInt());
        assertEquals(16, f.path("fingerprint").asText().length());
        assertFalse(f.has("threads"), "threads appear on runtime findings only");
        assertEquals(1, j.path("stats").path("files").asInt());
        assertTrue(j.path("errors").isArray());
    }

    @Test
    void sarif_hasOneRunWithTheCatalogAndTheResult() throws IOException {
        write("src/Feed.java", HANDOFF);
        Run r = run("scan", "--format", "sarif", dir.resolve("src").toString());
        JsonNode s = ReportJson.mapper().readTree(r.out());
        assertEquals("2.1.0", s.path("version").asText());
        assertEquals(1, s.path("runs").size());
        JsonNode run = s.path("runs").get(0);
        assertTrue(run.path("tool").path("driver").path("rules").size() >= 6);
        assertEquals("LC001", run.path("results").get(0).path("ruleId").asText());
        assertTrue(run.path("results").get(0).path("partialFingerprints").size() > 0);
    }

    @Test
    void suppressions_onMethodClassAndLine_hideOnlyTheirRule() throws IOException {
        write("src/A.java", HANDOFF.replace("class Feed", "class A")
                .replace("  void stream(", "  @SuppressWarnings(\"lockcheck:LC001\")\n  void stream("));
        write("src/B.java", HANDOFF.replace("class Feed", "@SuppressWarnings({\"unchecked\", \"lockcheck\"}) class B"));
        write("src/C.java", HANDOFF.replace("class Feed", "class C").replace("q.put(\"x\"); }", "q.put(\"x\"); } // lockcheck:ignore LC001"));
        write("src/D.java", HANDOFF.replace("class Feed", "class D")
                .replace("  void stream(", "  @SuppressWarnings(\"lockcheck:LC004\")\n  void stream("));
        Run r = run("scan", "--format", "json", dir.resolve("src").toString());
        JsonNode j = ReportJson.mapper().readTree(r.out());
        assertEquals(1, j.path("findings").size(), r.out());
        assertEquals("D.java", j.path("findings").get(0).path("location").path("file").asText());
    }

    @Test
    void rulesFilter_reportsOnlyThoseRules() throws IOException {
        write("src/Feed.java", HANDOFF);
        Run r = run("scan", "--rules", "LC002,LC003", dir.resolve("src").toString());
        assertEquals(0, r.exit(), r.out());
    }

    @Test
    void exclude_skipsMatchingPaths() throws IOException {
        write("src/gen/Feed.java", HANDOFF);
        write("src/Clean.java", CLEAN);
        Run r = run("scan", "--exclude", "**/gen/**", dir.resolve("src").toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("in 1 file"), r.out());
    }

    @Test
    void baseline_writtenThenApplied_hidesKnownFindingsAndExitsZero() throws IOException {
        write("src/Feed.java", HANDOFF);
        String root = dir.resolve("src").toString();
        Path baseline = dir.resolve("lockcheck-baseline.json");
        assertEquals(0, run("scan", "--write-baseline", baseline.toString(), root).exit());
        Run applied = run("scan", "--baseline", baseline.toString(), root);
        assertEquals(0, applied.exit(), applied.out());
        assertTrue(applied.out().contains("no findings"), applied.out());
        assertTrue(applied.out().contains("1 known finding hidden, 0 baseline entries no longer found (fixed)"), applied.out());
        // lines inserted above the finding do not invalidate the baseline
        write("src/Feed.java", "// a new header comment\n\n" + HANDOFF);
        assertEquals(0, run("scan", "--baseline", baseline.toString(), root).exit());
    }

    @Test
    void cache_answersAnUnchangedTree_andAChangedFileInvalidatesIt() throws IOException {
        write("src/Feed.java", HANDOFF);
        write("src/Clean.java", CLEAN);
        String root = dir.resolve("src").toString();
        JsonNode cold = ReportJson.mapper().readTree(run("scan", "--format", "json", root).out());
        assertTrue(Files.isDirectory(dir.resolve("src/.lockcheck-cache")), "cache beside the scanned directory");
        JsonNode warm = ReportJson.mapper().readTree(run("scan", "--format", "json", root).out());
        assertEquals(cold.path("findings"), warm.path("findings"));
        assertEquals(cold.path("stats").path("parsed"), warm.path("stats").path("parsed"),
                "stats are a function of the files: a warm scan reports the analysis it replays");
        write("src/Feed.java", HANDOFF.replace("q.put(\"x\");", "q.offer(\"x\");"));
        JsonNode changed = ReportJson.mapper().readTree(run("scan", "--format", "json", root).out());
        assertEquals(0, changed.path("findings").size(), "the fix is seen: the cache entry was invalidated");
        run("scan", "--no-cache", "--format", "json", dir.resolve("src").toString());
    }

    @Test
    void unreadableBaseline_exitsTwo() {
        Run r = run("scan", "--baseline", dir.resolve("missing.json").toString(), dir.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--baseline"), r.err());
    }

    @Test
    void rulesAndExplain_printTheCatalog() {
        Run rules = run("rules");
        assertEquals(0, rules.exit());
        assertTrue(rules.out().contains("LC001  ReadLockAcrossHandoff"), rules.out());
        Run explain = run("explain", "LC002");
        assertEquals(0, explain.exit());
        assertTrue(explain.out().contains("## Fixed"), explain.out());
        assertEquals(2, run("explain", "LC999").exit());
    }
}
