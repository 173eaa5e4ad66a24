package dev.lockcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockcheck.report.Finding;
import dev.lockcheck.report.Location;
import dev.lockcheck.report.Report;
import dev.lockcheck.report.ReportJson;
import dev.lockcheck.rules.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    @TempDir
    Path dir;

    @Test
    void colour_onlyOnATerminal_andNeverWithNoColor() {
        assertTrue(Terminal.colorEnabled(true, Map.of()));
        assertFalse(Terminal.colorEnabled(false, Map.of()));
        assertFalse(Terminal.colorEnabled(true, Map.of("NO_COLOR", "1")));
        assertFalse(Terminal.colorEnabled(false, Map.of("NO_COLOR", "1")));
        assertTrue(Terminal.colorEnabled(true, Map.of("NO_COLOR", "")), "no-color.org: an empty NO_COLOR does not count");
        assertFalse(Terminal.colorEnabled(true, Map.of("TERM", "dumb")));
    }

    @Test
    void suppressedFindings_neverFailTheBuild() {
        Finding error = Finding.of("LC001", Severity.ERROR, "m", new Location("A.java", 1, 1), "A.l", List.of());
        Finding warning = Finding.of("LC004", Severity.WARNING, "m", new Location("A.java", 2, 1), "A.l", List.of());
        assertTrue(ScanCommand.failed(List.of(error), ScanCommand.FailOn.error));
        assertFalse(ScanCommand.failed(List.of(error.suppressed("// lockcheck:ignore LC001")), ScanCommand.FailOn.error));
        assertFalse(ScanCommand.failed(List.of(warning), ScanCommand.FailOn.error));
        assertTrue(ScanCommand.failed(List.of(warning), ScanCommand.FailOn.warning));
        assertFalse(ScanCommand.failed(List.of(warning.suppressed("@SuppressWarnings(\"lockcheck\")")), ScanCommand.FailOn.warning));
        assertFalse(ScanCommand.failed(List.of(error), ScanCommand.FailOn.never));
    }

    private static Report scanned() {
        Finding plain = Finding.of("LC001", Severity.ERROR, "held across put", new Location("B.java", 9, 5), "B.l", List.of())
                .withFingerprint("aaaaaaaaaaaaaaaa");
        Finding ignored = Finding.of("LC004", Severity.WARNING, "re-acquired", new Location("A.java", 3, 5), "A.l", List.of())
                .withFingerprint("bbbbbbbbbbbbbbbb").suppressed("// lockcheck:ignore LC004");
        return Report.of(Report.STATIC, List.of(plain, ignored), List.of(), List.of(), null);
    }

    @Test
    void suppressedFinding_isDroppedByDefault_andJsonHasNoSuppressedBy() {
        List<String> notes = new java.util.ArrayList<>();
        Report r = ScanCommand.gate(scanned(), null, null, false, notes);
        assertEquals(List.of("LC001"), r.findings().stream().map(Finding::ruleId).toList());
        assertFalse(ReportJson.toString(r).contains("suppressedBy"));
        assertEquals(List.of("1 suppressed finding not shown (--show-suppressed shows them)"), notes);
    }

    @Test
    void showSuppressed_keepsItInLocationOrder_withSuppressedByInJson() {
        Report r = ScanCommand.gate(scanned(), null, null, true, new java.util.ArrayList<>());
        assertEquals(List.of("LC004", "LC001"), r.findings().stream().map(Finding::ruleId).toList());
        assertTrue(ReportJson.toString(r).contains("\"suppressedBy\" : \"// lockcheck:ignore LC004\""), ReportJson.toString(r));
        assertFalse(ScanCommand.failed(List.of(r.findings().get(0)), ScanCommand.FailOn.warning), "shown, but never fails");
    }

    @Test
    void baselineApplied_hidesKnownFindings_andSaysHowManyAreGone() {
        Report old = Report.of(Report.STATIC, List.of(
                Finding.of("LC001", Severity.ERROR, "x", new Location("B.java", 9, 5), "B.l", List.of()).withFingerprint("aaaaaaaaaaaaaaaa"),
                Finding.of("LC001", Severity.ERROR, "fixed since", new Location("C.java", 1, 1), "C.l", List.of()).withFingerprint("cccccccccccccccc")),
                List.of(), List.of(), null);
        List<String> notes = new java.util.ArrayList<>();
        Report r = ScanCommand.gate(scanned(), dev.lockcheck.report.Baseline.of(old.findings()), "bl.json", false, notes);
        assertEquals(List.of(), r.findings());
        assertEquals("baseline bl.json: 1 known finding hidden, 1 baseline entry no longer found (fixed)", notes.get(0));
    }

    @Test
    void baselineWrittenThenApplied_reportsNothingAndExitsZero() throws Exception {
        Path project = Fixtures.writeProject(dir.resolve("project"));
        Path first = dir.resolve("first.json");
        Main.run("scan", project.toString(), "--format", "json", "--output", first.toString(), "--fail-on", "never");
        Report before = ReportJson.read(first);
        Assumptions.assumeFalse(before.findings().isEmpty(), "the static engine reports nothing on the fixture yet");

        Path baseline = dir.resolve("lockcheck-baseline.json");
        assertEquals(Main.EXIT_OK, Main.run("scan", project.toString(), "--write-baseline", baseline.toString()));
        Path after = dir.resolve("after.json");
        assertEquals(Main.EXIT_OK, Main.run("scan", project.toString(), "--baseline", baseline.toString(),
                "--format", "json", "--output", after.toString()));
        assertEquals(List.of(), ReportJson.read(after).findings());

        // an unrelated edit: lines inserted above every finding; the baseline still knows them all
        Path cache = project.resolve("src/main/java/acme/Cache.java");
        Files.writeString(cache, Files.readString(cache).replace("public class Cache {",
                "/** Docs added later. */\npublic class Cache {\n    private int unrelated;\n"));
        assertEquals(Main.EXIT_OK, Main.run("scan", project.toString(), "--baseline", baseline.toString(),
                "--format", "json", "--output", after.toString()));
        assertEquals(List.of(), ReportJson.read(after).findings());
    }

    @Test
    void lineIgnoredFinding_isHiddenAndPasses_butShownTaggedWithShowSuppressed() throws Exception {
        Path project = Fixtures.writeProject(dir.resolve("project"));
        Path json = dir.resolve("scan.json");
        Main.run("scan", project.toString(), "--format", "json", "--output", json.toString(), "--fail-on", "never");
        List<Finding> before = ReportJson.read(json).findings();
        Assumptions.assumeTrue(before.stream().anyMatch(f -> f.ruleId().equals("LC002")), "the engine finds the fixture's LC002");

        Path upgrade = project.resolve("src/main/java/acme/Upgrade.java");
        Files.writeString(upgrade, Files.readString(upgrade).replace("// expect: LC002", "// lockcheck:ignore LC002 (reviewed)"));
        Path cache = project.resolve("src/main/java/acme/Cache.java");
        Files.writeString(cache, Files.readString(cache).replace("// expect: LC001", "// lockcheck:ignore"));

        assertEquals(Main.EXIT_OK, Main.run("scan", project.toString(), "--format", "json", "--output", json.toString()),
                "suppressed findings do not fail the scan");
        String hidden = Files.readString(json);
        assertFalse(hidden.contains("suppressedBy"), hidden);
        assertTrue(ReportJson.read(json).findings().stream().noneMatch(f -> f.ruleId().equals("LC002")));

        assertEquals(Main.EXIT_OK, Main.run("scan", project.toString(), "--show-suppressed", "--format", "json",
                "--output", json.toString()), "shown, still never failing");
        Finding shown = ReportJson.read(json).findings().stream().filter(f -> f.ruleId().equals("LC002")).findFirst().orElseThrow();
        assertEquals("// lockcheck:ignore LC002", shown.suppressedBy());

        Path text = dir.resolve("scan.txt");
        Main.run("scan", project.toString(), "--show-suppressed", "--output", text.toString());
        assertTrue(Files.readString(text).contains("[LC002] " + shown.message() + " [suppressed: // lockcheck:ignore LC002]"),
                Files.readString(text));
    }

    @Test
    void unreadableBaseline_isExitTwo() throws Exception {
        Path project = Fixtures.writeProject(dir.resolve("project"));
        Path bogus = dir.resolve("bogus.json");
        Files.writeString(bogus, "{\"schema\": \"something-else\"}");
        assertEquals(Main.EXIT_USAGE, Main.run("scan", project.toString(), "--baseline", bogus.toString()));
        assertEquals(Main.EXIT_USAGE, Main.run("scan", project.toString(), "--baseline", dir.resolve("missing.json").toString()));
    }
}
