package dev.lockcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockcheck.report.Finding;
import dev.lockcheck.report.Location;
import dev.lockcheck.report.Report;
import dev.lockcheck.report.ReportJson;
import dev.lockcheck.rules.Severity;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Maven plugin's check goal runs: a module's sources and its tests' runtime reports, one result. */
class ProjectCheckTest {
    @TempDir
    Path dir;

    private Path runtimeReport(Finding f) throws Exception {
        Path p = dir.resolve("module/target/lockcheck/runtime-42.json");
        Files.createDirectories(p.getParent());
        try (OutputStream o = Files.newOutputStream(p)) {
            ReportJson.write(Report.of(Report.RUNTIME, List.of(f), null, null, null), o);
        }
        return p;
    }

    @Test
    void staticAndRuntimeFindings_areMerged_withModulePaths_andWrittenInThreeFormats() throws Exception {
        Path module = dir.resolve("module");
        Fixtures.writeProject(module);
        Finding runtime = new Finding("LC204", Severity.ERROR, "inversion", new Location("acme/Cache.java", 20, 1), "acme.Cache.lock",
                List.of(), List.of(), "fp204", null);
        Path out = module.resolve("target/lockcheck");
        ProjectCheck.Result r = ProjectCheck.run(new ProjectCheck.Options(module, List.of(module.resolve("src/main/java")),
                List.of(module.resolve("src/main/java"), module.resolve("src/test/java")), List.of(runtimeReport(runtime)), out,
                null, List.of(), null, null));
        List<String> files = r.report().findings().stream().map(f -> f.ruleId() + " " + f.location().file()).toList();
        assertTrue(files.contains("LC001 src/main/java/acme/Cache.java"), files.toString());
        assertTrue(files.contains("LC204 src/main/java/acme/Cache.java"), "runtime package path resolved: " + files);
        assertTrue(Files.isRegularFile(out.resolve("lockcheck.json")) && Files.isRegularFile(out.resolve("lockcheck.sarif"))
                && Files.isRegularFile(out.resolve("lockcheck.html")));
        assertTrue(r.fails("error"));
        assertFalse(r.fails("never"));
        assertThrows(Main.UsageException.class, () -> r.fails("sometimes"));
    }

    @Test
    void onlyARuntimeRule_skipsTheScan_andFiltersTheRuntimeReport() throws Exception {
        Path module = dir.resolve("module");
        Fixtures.writeProject(module);
        Finding other = new Finding("LC202", Severity.ERROR, "potential", new Location("acme/Cache.java", 20, 1), "L",
                List.of(), List.of(), "fp202", null);
        ProjectCheck.Result r = ProjectCheck.run(new ProjectCheck.Options(module, List.of(module.resolve("src/main/java")),
                List.of(), List.of(runtimeReport(other)), module.resolve("target/lockcheck"), List.of("LC204"), List.of(), null, null));
        assertEquals(List.of(), r.report().findings());
    }

    @Test
    void unknownRule_orBadGlob_isAOneLineUsageError() {
        Path module = dir.resolve("module");
        Main.UsageException e = assertThrows(Main.UsageException.class, () -> ProjectCheck.run(new ProjectCheck.Options(module,
                List.of(), List.of(), List.of(), module.resolve("out"), List.of("LC999"), List.of(), null, null)));
        assertTrue(e.getMessage().contains("unknown rule 'LC999'"), e.getMessage());
        e = assertThrows(Main.UsageException.class, () -> ProjectCheck.run(new ProjectCheck.Options(module,
                List.of(), List.of(), List.of(), module.resolve("out"), null, List.of("["), null, null)));
        assertTrue(e.getMessage().contains("bad glob"), e.getMessage());
    }
}
