package dev.lockcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockcheck.rules.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
    @TempDir
    Path dir;

    private static Finding finding(String rule, String file, int line, String stmt) {
        return Finding.of(rule, Severity.ERROR, "msg " + stmt, new Location(file, line, 5), "A.lock", List.of())
                .withFingerprint(Fingerprints.of(rule, file, "A#m()", "A.lock", stmt));
    }

    @Test
    void writtenThenApplied_hidesEverything() throws IOException {
        List<Finding> now = List.of(finding("LC001", "A.java", 10, "q.put(x);"), finding("LC004", "A.java", 20, "l.lock();"));
        Path file = dir.resolve("sub/baseline.json");
        Baseline.of(now).write(file);
        Baseline.Applied applied = Baseline.read(file).apply(now);
        assertEquals(List.of(), applied.findings());
        assertEquals(2, applied.hidden());
        assertEquals(0, applied.gone());
    }

    @Test
    void movedFinding_isStillKnown_newOneIsReported_fixedOneIsCountedGone() throws IOException {
        Path file = dir.resolve("baseline.json");
        Baseline.of(List.of(finding("LC001", "A.java", 10, "q.put(x);"), finding("LC004", "A.java", 20, "l.lock();"))).write(file);
        Finding moved = finding("LC001", "A.java", 14, "q.put(x);");
        Finding fresh = finding("LC001", "A.java", 30, "q.take();");
        Baseline.Applied applied = Baseline.read(file).apply(List.of(moved, fresh));
        assertEquals(List.of(fresh), applied.findings());
        assertEquals(1, applied.hidden());
        assertEquals(1, applied.gone());
        assertEquals("1 known finding hidden, 1 baseline entry no longer found (fixed)", applied.describe());
    }

    @Test
    void sameStatementTwice_aThirdCopyIsReported() {
        Finding a = finding("LC001", "A.java", 10, "q.put(x);");
        Finding b = finding("LC001", "A.java", 12, "q.put(x);");
        Finding c = finding("LC001", "A.java", 14, "q.put(x);");
        Baseline.Applied applied = Baseline.of(List.of(a, b)).apply(List.of(a, b, c));
        assertEquals(List.of(c), applied.findings());
        assertEquals(2, applied.hidden());
    }

    @Test
    void findingWithoutFingerprint_isMatchedByRuleFileLockAndMessage() {
        Finding runtime = Finding.of("LC201", Severity.ERROR, "deadlock", new Location("A.java", 3, 1), "A.lock", List.of());
        Finding sameElsewhere = Finding.of("LC201", Severity.ERROR, "deadlock", new Location("A.java", 9, 1), "A.lock", List.of());
        assertEquals(1, Baseline.of(List.of(runtime)).apply(List.of(sameElsewhere)).hidden());
    }

    @Test
    void notABaseline_isRejectedWithTheFileName() throws IOException {
        Path report = dir.resolve("report.json");
        Files.writeString(report, "{\"schema\":\"lockcheck-report/1\"}");
        IOException e = assertThrows(IOException.class, () -> Baseline.read(report));
        assertTrue(e.getMessage().contains("report.json") && e.getMessage().contains("not a lockcheck baseline"), e.getMessage());
        Path garbage = dir.resolve("garbage.json");
        Files.writeString(garbage, "{not json");
        IOException e2 = assertThrows(IOException.class, () -> Baseline.read(garbage));
        assertTrue(e2.getMessage().contains("garbage.json"), e2.getMessage());
    }
}
