package dev.lockcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockcheck.rules.Severity;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    /** The seed hang as the agent records it: producer holds read(L) and waits on the queue only consumer completes. */
    static Finding handoffDeadlock() {
        Cycle cycle = new Cycle(true,
                List.of(new Cycle.Node("t1", "A", null), new Cycle.Node("t2", "W", null), new Cycle.Node("t3", "B", null)),
                List.of(new Cycle.Node("l1", "acme.Cache.lock", "Cache.java:9")),
                List.of(new Cycle.Node("h1", "SynchronousQueue.put", "acme/Cache.java:42")),
                List.of(new Cycle.Edge("t1", "l1", Cycle.HOLDS, "read", "acme.Cache.stream(Cache.java:38)", false),
                        new Cycle.Edge("t1", "h1", Cycle.WAITS_FOR, null, "acme.Cache.stream(Cache.java:42)", false),
                        new Cycle.Edge("t3", "h1", Cycle.COMPLETES, null, null, true),
                        new Cycle.Edge("t2", "l1", Cycle.WAITS_FOR, "write", null, false),
                        new Cycle.Edge("t3", "l1", Cycle.WAITS_FOR, "read", null, false)));
        return Finding.of("LC201", Severity.ERROR, "handoff deadlock", new Location("Cache.java", 42, 1), "Cache.lock",
                        List.of(new TraceStep("Cache.java", 38, "thread \"Z\" holds read lock Other.lock")))
                .withThreads(List.of(new ThreadSnapshot("A", 1, "WAITING", List.of()), new ThreadSnapshot("W", 2, "WAITING", List.of()),
                        new ThreadSnapshot("B", 3, "WAITING", List.of())))
                .withCycle(cycle);
    }

    @Test
    void cycleData_becomesHoldsWaitsAndCompletesEdges_closingTheRing() {
        CycleDiagram d = CycleDiagram.of(handoffDeadlock());
        assertEquals(List.of(
                new CycleDiagram.Edge("l1", "t1", CycleDiagram.EdgeKind.HOLDS, "held (read) by", false),
                new CycleDiagram.Edge("t1", "h1", CycleDiagram.EdgeKind.WAITS, "waits on", false),
                new CycleDiagram.Edge("h1", "t3", CycleDiagram.EdgeKind.COMPLETES, "completed by (inferred)", true),
                new CycleDiagram.Edge("t2", "l1", CycleDiagram.EdgeKind.WAITS, "waits for write", false),
                new CycleDiagram.Edge("t3", "l1", CycleDiagram.EdgeKind.WAITS, "waits for read", false)), d.edges());
        assertEquals(4, d.cycle().size(), d.cycle().toString());
        assertTrue(d.cycle().containsAll(List.of("t1", "h1", "t3", "l1")));
        assertEquals(5, d.nodes().size(), "the queued writer is drawn too");
        assertTrue(d.live());
    }

    @Test
    void notesAreNeverParsed_andAFindingWithoutCycleData_hasNoDiagram() {
        Finding f = handoffDeadlock();
        assertTrue(CycleDiagram.of(f).nodes().stream().noneMatch(n -> n.label().equals("Z") || n.label().equals("Other.lock")));
        Finding bare = Finding.of("LC204", Severity.ERROR, "inversion", new Location("A.java", 1, 1), "A.a",
                        List.of(new TraceStep("A.java", 1, "thread \"t1\" holds read lock A.a")))
                .withThreads(List.of(new ThreadSnapshot("t1", 1, "BLOCKED", List.of())));
        assertEquals(null, CycleDiagram.of(bare));
        String html = new HtmlReport().render(Report.of(Report.RUNTIME, List.of(bare), List.of(), List.of(), null));
        assertFalse(html.contains("<svg class=\"lc-cycle\""), "no guessed picture");
        assertTrue(html.contains("carries no cycle data"));
    }

    @Test
    void twoLockInversion_drawsBothLocks() {
        Cycle c = new Cycle(false, List.of(new Cycle.Node("t1", "x", null), new Cycle.Node("t2", "y", null)),
                List.of(new Cycle.Node("a", "A.a", null), new Cycle.Node("b", "A.b", null)), List.of(),
                List.of(new Cycle.Edge("t1", "a", Cycle.HOLDS, "monitor", null, false), new Cycle.Edge("t1", "b", Cycle.WAITS_FOR, "monitor", null, false),
                        new Cycle.Edge("t2", "b", Cycle.HOLDS, "monitor", null, false), new Cycle.Edge("t2", "a", Cycle.WAITS_FOR, "monitor", null, false)));
        Finding f = Finding.of("LC204", Severity.ERROR, "inversion", new Location("A.java", 1, 1), "A.a", List.of()).withCycle(c);
        CycleDiagram d = CycleDiagram.of(f);
        assertEquals(4, d.cycle().size());
        assertEquals(2, d.nodes().stream().filter(n -> n.kind() == CycleDiagram.NodeKind.LOCK).count());
        assertFalse(d.live());
    }

    @Test
    void everyCard_carriesFilterData_andLinksItsRulePage() {
        Finding st = Finding.of("LC001", Severity.WARNING, "held across put", new Location("A.java", 1, 1), "L", List.of());
        String html = new HtmlReport().render(Report.of(Report.STATIC, List.of(st, handoffDeadlock()), List.of(), List.of(), null));
        assertTrue(html.contains("data-rule=\"LC001\" data-severity=\"warning\""), html);
        assertTrue(html.contains("data-rule=\"LC201\" data-severity=\"error\""));
        assertTrue(html.contains("href=\"#rule-LC001\"") && html.contains("id=\"rule-LC001\""), "rule id links to its page on the page");
        assertTrue(html.contains("id=\"rule-LC201\""));
        assertTrue(html.contains("id=\"lc-q\"") && html.contains("id=\"lc-rule\"") && html.contains("id=\"lc-sev\""));
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
