package dev.lockcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockcheck.rules.Severity;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private static Finding handoffDeadlock() {
        return Finding.of("LC201", Severity.ERROR, "handoff deadlock", new Location("Cache.java", 42, 1), "Cache.lock",
                List.of(new TraceStep("Cache.java", 38, "thread \"A\" holds read lock Cache.lock"),
                        new TraceStep("Cache.java", 31, "thread \"W\" waits for write lock Cache.lock"),
                        new TraceStep("Cache.java", 20, "thread \"B\" waits for read lock Cache.lock"),
                        new TraceStep("Cache.java", 42, "thread \"A\" waits for thread \"B\" (SynchronousQueue.put)")))
                .withThreads(List.of(new ThreadSnapshot("A", 1, "WAITING", List.of()), new ThreadSnapshot("W", 2, "WAITING", List.of()),
                        new ThreadSnapshot("B", 3, "WAITING", List.of())));
    }

    @Test
    void conventionNotes_becomeHoldsWaitsAndHandoffEdges_closingTheCycle() {
        CycleDiagram d = CycleDiagram.of(handoffDeadlock());
        assertEquals(List.of(
                new CycleDiagram.Edge("l:Cache.lock", "t:A", CycleDiagram.EdgeKind.HOLDS, "held (read) by"),
                new CycleDiagram.Edge("t:W", "l:Cache.lock", CycleDiagram.EdgeKind.WAITS, "waits for write"),
                new CycleDiagram.Edge("t:B", "l:Cache.lock", CycleDiagram.EdgeKind.WAITS, "waits for read"),
                new CycleDiagram.Edge("t:A", "t:B", CycleDiagram.EdgeKind.HANDOFF, "handoff: SynchronousQueue.put")), d.edges());
        assertEquals(3, d.cycle().size(), d.cycle().toString());
        assertTrue(d.cycle().containsAll(List.of("t:A", "t:B", "l:Cache.lock")));
        assertEquals(4, d.nodes().size());
    }

    @Test
    void findingWithoutTheConvention_isDrawnAsItsThreadsAndLock() {
        Finding bare = Finding.of("LC204", Severity.ERROR, "inversion", new Location("A.java", 1, 1), "A.a", List.of())
                .withThreads(List.of(new ThreadSnapshot("t1", 1, "BLOCKED", List.of()), new ThreadSnapshot("t2", 2, "BLOCKED", List.of())));
        CycleDiagram d = CycleDiagram.of(bare);
        assertEquals(3, d.nodes().size());
        assertTrue(d.edges().stream().allMatch(e -> e.kind() == CycleDiagram.EdgeKind.INVOLVED));
        assertEquals(List.of(), d.cycle());
        assertTrue(d.svg("x").contains("data-nodes=\"3\""));
    }

    @Test
    void page_isSelfContained_andEscapesWhatItShows() {
        Finding evil = Finding.of("LC001", Severity.ERROR, "<script>alert(1)</script>", new Location("A\"&.java", 1, 1),
                "L", List.of());
        String html = new HtmlReport().render(Report.of(Report.STATIC, List.of(evil, handoffDeadlock()), List.of(), List.of(), null));
        assertFalse(html.contains("<script>alert(1)"), "finding text is escaped");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertFalse(Pattern.compile("(src|href)\\s*=\\s*\"(https?:)?//", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "no external resource");
        assertFalse(html.contains("<link"), "no stylesheet link");
        assertFalse(Pattern.compile("url\\(\\s*['\"]?https?:").matcher(html).find(), "no remote CSS url()");
        assertEquals(1, Pattern.compile("<svg class=\"lc-cycle\"").matcher(html).results().count(), "one diagram: one runtime finding");
    }
}
