package dev.lockcheck.cli;

import dev.lockcheck.report.SarifValidator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockcheck.report.Finding;
import dev.lockcheck.report.Location;
import dev.lockcheck.report.Report;
import dev.lockcheck.report.ReportJson;
import dev.lockcheck.report.Stats;
import dev.lockcheck.report.ThreadSnapshot;
import dev.lockcheck.report.TraceStep;
import dev.lockcheck.rules.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
    @TempDir
    Path dir;

    private static final Finding STATIC_HANDOFF = Finding.of("LC001", Severity.ERROR, "read lock Cache.lock held across put",
            new Location("src/main/java/acme/Cache.java", 15, 46), "acme.Cache.lock",
            List.of(new TraceStep("src/main/java/acme/Cache.java", 13, "read lock acquired"))).withFingerprint("00112233aabbccdd");
    private static final Finding STATIC_UNSAFE = Finding.of("LC005", Severity.WARNING, "unlock not in finally",
            new Location("src/main/java/acme/Other.java", 7, 9), "acme.Other.lock", List.of());
    private static final Finding RUNTIME_DEADLOCK = Finding.of("LC201", Severity.ERROR, "handoff deadlock on acme.Cache.lock",
            new Location("src/main/java/acme/Cache.java", 15, 1), "acme.Cache.lock@Cache.java:9",
            List.of(new TraceStep("src/main/java/acme/Cache.java", 13, "thread \"producer\" holds read lock acme.Cache.lock@Cache.java:9"),
                    new TraceStep("src/main/java/acme/Cache.java", 30, "thread \"refresher\" waits for write lock acme.Cache.lock@Cache.java:9"),
                    new TraceStep("src/main/java/acme/Cache.java", 22, "thread \"consumer\" waits for read lock acme.Cache.lock@Cache.java:9"),
                    new TraceStep("src/main/java/acme/Cache.java", 15, "thread \"producer\" waits for thread \"consumer\" (SynchronousQueue.put)")))
            .withThreads(List.of(new ThreadSnapshot("producer", 21, "WAITING", List.of("acme.Cache.stream(Cache.java:15)")),
                    new ThreadSnapshot("refresher", 22, "WAITING", List.of("acme.Cache.refresh(Cache.java:30)")),
                    new ThreadSnapshot("consumer", 23, "WAITING", List.of("acme.Cache.get(Cache.java:22)"))))
            .withCycle(new dev.lockcheck.report.Cycle(true,
                    List.of(new dev.lockcheck.report.Cycle.Node("t21", "producer", null),
                            new dev.lockcheck.report.Cycle.Node("t22", "refresher", null),
                            new dev.lockcheck.report.Cycle.Node("t23", "consumer", null)),
                    List.of(new dev.lockcheck.report.Cycle.Node("l", "acme.Cache.lock", "Cache.java:9")),
                    List.of(new dev.lockcheck.report.Cycle.Node("q", "SynchronousQueue.put", null)),
                    List.of(new dev.lockcheck.report.Cycle.Edge("t21", "l", "holds", "read", null, false),
                            new dev.lockcheck.report.Cycle.Edge("t21", "q", "waits-for", null, null, false),
                            new dev.lockcheck.report.Cycle.Edge("t23", "q", "completes", null, null, false),
                            new dev.lockcheck.report.Cycle.Edge("t22", "l", "waits-for", "write", null, false),
                            new dev.lockcheck.report.Cycle.Edge("t23", "l", "waits-for", "read", null, false))));

    private Path write(String name, String source, Finding... findings) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, ReportJson.toString(Report.of(source, List.of(findings), List.of(), List.of(), new Stats(2, 2, 10))));
        return p;
    }

    private record Result(int exit, String err) {
    }

    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, err.toString());
    }

    @Test
    void staticAndRuntimeReports_mergeWithDuplicatesCountedOnce() throws Exception {
        Path a = write("static-1.json", Report.STATIC, STATIC_HANDOFF, STATIC_UNSAFE);
        Path b = write("static-2.json", Report.STATIC, STATIC_HANDOFF, STATIC_UNSAFE); // same scan twice
        Path c = write("runtime.json", Report.RUNTIME, RUNTIME_DEADLOCK);
        Path out = dir.resolve("merged.json");
        Result r = run("report", a.toString(), b.toString(), c.toString(), "--format", "json", "--output", out.toString());
        assertEquals(Main.EXIT_FINDINGS, r.exit(), r.err());
        Report merged = ReportJson.read(out);
        assertEquals(List.of(STATIC_HANDOFF, STATIC_UNSAFE, RUNTIME_DEADLOCK), merged.findings());
        assertEquals(6, merged.stats().files());
    }

    @Test
    void failOnNever_exitsZeroWithFindings() throws Exception {
        Path a = write("static.json", Report.STATIC, STATIC_HANDOFF);
        assertEquals(Main.EXIT_OK, run("report", a.toString(), "--fail-on", "never", "--output", dir.resolve("o.txt").toString()).exit());
        assertEquals(Main.EXIT_OK, run("report", write("w.json", Report.STATIC, STATIC_UNSAFE).toString(),
                "--output", dir.resolve("o2.txt").toString()).exit(), "a warning does not fail at the default --fail-on error");
    }

    @Test
    void htmlOfStaticAndRuntime_hasEveryFindingAndOneDiagramPerRuntimeCycle() throws Exception {
        Path a = write("static.json", Report.STATIC, STATIC_HANDOFF, STATIC_UNSAFE);
        Path c = write("runtime.json", Report.RUNTIME, RUNTIME_DEADLOCK);
        Path html = dir.resolve("report.html");
        run("report", a.toString(), c.toString(), "--format", "html", "--output", html.toString());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        for (Finding f : List.of(STATIC_HANDOFF, STATIC_UNSAFE, RUNTIME_DEADLOCK)) assertTrue(page.contains(f.message()), f.message());
        assertEquals(1, page.split("<svg class=\"lc-cycle\"", -1).length - 1);
    }

    @Test
    void sarifOfMergedStaticAndRuntime_passesTheOfficialValidator() throws Exception {
        Path a = write("static.json", Report.STATIC, STATIC_HANDOFF, STATIC_UNSAFE);
        Path c = write("runtime.json", Report.RUNTIME, RUNTIME_DEADLOCK);
        Path sarif = dir.resolve("merged.sarif");
        run("report", a.toString(), c.toString(), "--format", "sarif", "--output", sarif.toString(), "--source-root", dir.toString());
        assertEquals(3, ReportJson.mapper().readTree(sarif.toFile()).at("/runs/0/results").size());
        assertEquals(List.of(), SarifValidator.problems(sarif));
    }

    @Test
    void notJson_notLockcheck_missing_orIncomplete_exitTwoNamingTheFile() throws Exception {
        Path good = write("good.json", Report.STATIC, STATIC_HANDOFF);
        Path garbage = dir.resolve("garbage.json");
        Files.writeString(garbage, "this is not json");
        Path sarif = dir.resolve("other.json");
        Files.writeString(sarif, "{\"version\": \"2.1.0\", \"runs\": []}");
        Path array = dir.resolve("array.json");
        Files.writeString(array, "[1, 2]");
        Path incomplete = dir.resolve("incomplete.json");
        Files.writeString(incomplete, "{\"schema\":\"lockcheck-report/1\",\"findings\":[{\"ruleId\":\"LC001\"}]}");
        Path badSeverity = dir.resolve("bad-severity.json");
        Files.writeString(badSeverity, "{\"schema\":\"lockcheck-report/1\",\"findings\":[{\"ruleId\":\"LC001\",\"severity\":\"fatal\"}]}");
        for (Path bad : List.of(garbage, sarif, array, incomplete, badSeverity, dir.resolve("missing.json"))) {
            Result r = run("report", good.toString(), bad.toString(), "--output", dir.resolve("o.txt").toString());
            assertEquals(Main.EXIT_USAGE, r.exit(), bad + ": " + r.err());
            assertTrue(r.err().contains(bad.toString()), "the message names the file: " + r.err());
            assertTrue(!r.err().contains("internal error"), r.err());
        }
    }
}
