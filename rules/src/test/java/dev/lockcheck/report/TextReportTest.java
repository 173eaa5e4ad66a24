package dev.lockcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportTest {
    private static String render(Report r, boolean color, List<String> notes) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        new TextReport(p -> "root/" + p, color).notes(notes).write(r, new PrintStream(buf, true, StandardCharsets.UTF_8));
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void findingIsCompilerStyle_withTheTraceIndentedUnderIt() {
        String out = render(SarifReportTest.sampleReport(), false, List.of());
        List<String> lines = out.lines().toList();
        int i = lines.indexOf("root/src/main/java/acme/Cache.java:42:13: error: [LC001] read lock Cache.lock held across "
                + "SynchronousQueue.put: a queued writer blocks the consumer's read");
        assertTrue(i >= 0, out);
        assertEquals("    root/src/main/java/acme/Cache.java:38: read lock acquired", lines.get(i + 1));
        assertEquals("    root/src/main/java/acme/Publisher.java:17: SynchronousQueue.put blocks until a consumer takes", lines.get(i + 3));
        assertTrue(out.contains("    thread \"producer\" #31 (WAITING)\n        at acme.Cache.stream(Cache.java:42)\n"), out);
        assertTrue(out.contains("root/src/Broken.java: error: parse error at 3:7"), out);
    }

    @Test
    void suppressedFinding_isTagged_andCountedApart() {
        String out = render(SarifReportTest.sampleReport(), false, List.of());
        assertTrue(out.contains("[LC004] read lock re-acquired while held [suppressed: @SuppressWarnings(\"lockcheck:LC004\")]"), out);
        assertTrue(out.contains("lockcheck: 2 errors, 1 warning (LC001 x1, LC005 x1, LC201 x1), 1 suppressed in 5 files; 1 file not analysed; 12 ms"), out);
    }

    @Test
    void summary_hasOneLinePerRuleWithCountsBySeverity_andTheNotes() {
        String out = render(SarifReportTest.sampleReport(), false, List.of("baseline: 2 known findings hidden"));
        assertTrue(out.contains("\n  LC001 ReadLockAcrossHandoff  1 error\n"), out);
        assertTrue(out.contains("\n  LC004 NestedReadReacquire    1 suppressed\n"), out);
        assertTrue(out.contains("\n  LC201                        1 error\n"), out);
        assertTrue(out.endsWith("  baseline: 2 known findings hidden\n"), out);
    }

    @Test
    void colourOnlyWhenAsked() {
        assertFalse(render(SarifReportTest.sampleReport(), false, List.of()).contains("\u001b["));
        assertTrue(render(SarifReportTest.sampleReport(), true, List.of()).contains("\u001b[1;31merror\u001b[0m"));
    }

    @Test
    void emptyReport_saysNoFindings() {
        Report empty = Report.of(Report.STATIC, List.of(), List.of(), List.of(), new Stats(3, 3, 5));
        assertEquals("lockcheck: no findings in 3 files; 5 ms\n", render(empty, false, List.of()));
    }
}
