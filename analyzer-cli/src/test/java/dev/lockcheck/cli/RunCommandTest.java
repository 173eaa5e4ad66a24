package dev.lockcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

class RunCommandTest {
    private static Finding finding(String rule, String fp) {
        return Finding.of(rule, Severity.ERROR, rule + " message", new Location("a/B.java", 3, 1), "a.B.lock", List.of())
                .withFingerprint(fp);
    }

    private static void write(Path file, Finding... fs) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            ReportJson.write(Report.of(Report.RUNTIME, List.of(fs), null, null, null), out);
        }
    }

    @Test
    void reportsOfTwoJvms_areMerged_andTheSameFindingCountsOnce(@TempDir Path dir) throws Exception {
        write(dir.resolve("lockcheck-1.json"), finding("LC202", "x"), finding("LC204", "y"));
        write(dir.resolve("lockcheck-2.json"), finding("LC202", "x"), finding("LC201", "z"));
        Files.writeString(dir.resolve("lockcheck-3.json"), "{ half written");
        Report merged = RunCommand.merge(dir);
        assertEquals(List.of("LC202", "LC204", "LC201"), merged.findings().stream().map(Finding::ruleId).toList());
        assertEquals("runtime", merged.source());
    }

    @Test
    void runWithoutCommand_isBadUsage() {
        assertEquals(Main.EXIT_USAGE, Main.run("run"));
    }

    @Test
    void attachToSomethingThatIsNotAPid_isBadUsage() {
        assertEquals(Main.EXIT_USAGE, Main.run("attach", "not-a-pid"));
    }
}
