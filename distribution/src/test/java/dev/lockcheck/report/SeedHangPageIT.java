package dev.lockcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockcheck.dist.DistributionIT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML page of a report written by the real agent running the real seed hang (through the
 * distribution's {@code bin/lockcheck run}, then {@code bin/lockcheck report --format html}), in a
 * real headless Chromium: the diagram shows the read holder, the queued writer, the blocked reader
 * and the handoff edge, and a screenshot is kept in target/ for a person to look at.
 */
class SeedHangPageIT {
    static Path page;
    static String dom;

    @BeforeAll
    static void render() throws Exception {
        DistributionIT.unpack();
        Path json = DistributionIT.userDir.resolve("seedhang.json");
        Report r = DistributionIT.seedHang(json);
        assertNotNull(r.findings().get(0).cycle(), "the agent records the cycle as data");
        page = DistributionIT.userDir.resolve("seedhang.html");
        DistributionIT.Run html = DistributionIT.run(DistributionIT.userDir, "report", json.toString(), "--format", "html",
                "--output", page.toString(), "--fail-on", "never");
        assertEquals(0, html.exit(), html.err());
        HeadlessChromium.Run run = HeadlessChromium.locate().dumpDom(page);
        assertEquals(0, run.exit(), run.stderr());
        dom = run.stdout();
    }

    private static String bodyAttr(String name) {
        Matcher m = Pattern.compile("<body[^>]*\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(dom);
        return m.find() ? m.group(1) : null;
    }

    /** An edge of the diagram: its kind and ends, as the page marks them. */
    private static boolean edge(String kind, String from, String to) {
        return Pattern.compile("<path class=\"lc-edge lc-" + kind + "[^\"]*\" data-kind=\"" + kind + "\" data-from=\"" + Pattern.quote(from)
                + "\" data-to=\"" + Pattern.quote(to) + "\"").matcher(dom).find();
    }

    @Test
    void pageLoads_andTheDiagramDraws() {
        assertEquals("true", bodyAttr("data-ready"), dom);
        assertEquals("0", bodyAttr("data-js-errors"), dom);
        assertEquals("1", bodyAttr("data-cycles-rendered"), dom);
    }

    @Test
    void diagram_showsHolderQueuedWriterBlockedReaderAndHandoff() {
        String lock = "lockcheck.samples.runtime.SeedHang.lock";
        assertTrue(edge("holds", lock, "producer"), "the read lock is held by the producer");
        assertTrue(edge("waits", "writer", lock), "the writer is queued for the lock");
        assertTrue(edge("waits", "consumer", lock), "the consumer is blocked as a reader");
        assertTrue(edge("waits", "producer", "SynchronousQueue.put"), "the producer waits on the handoff");
        assertTrue(edge("completes", "SynchronousQueue.put", "consumer"), "only the consumer would complete it");
        assertTrue(dom.contains(">waits for write<") && dom.contains(">waits for read<") && dom.contains(">held (read) by<"), dom);
        assertTrue(dom.contains("The cycle, blocked now: producer"), "the caption names the ring");
    }

    @Test
    void screenshot_isKeptForAPerson() throws Exception {
        Path png = Path.of(System.getProperty("lockcheck.work", "target")).resolve("seedhang-report.png");
        Files.createDirectories(png.getParent());
        HeadlessChromium.locate().screenshot(page, png);
        assertTrue(Files.size(png) > 10_000, "a real picture: " + Files.size(png) + " bytes");
    }
}
