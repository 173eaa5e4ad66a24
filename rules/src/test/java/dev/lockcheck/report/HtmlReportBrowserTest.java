package dev.lockcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report in a real headless Chromium: it loads without console errors and every cycle draws. */
class HtmlReportBrowserTest {
    @TempDir
    Path dir;

    private static Report runtimeDeadlock() throws Exception {
        try (InputStream in = HtmlReportBrowserTest.class.getResourceAsStream("runtime-deadlock.json")) {
            Path tmp = Files.createTempFile("runtime-deadlock", ".json");
            Files.write(tmp, in.readAllBytes());
            try {
                return ReportJson.read(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static String attr(String dom, String name) {
        Matcher m = Pattern.compile("<body[^>]*\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(dom);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void runtimeDeadlockReport_loadsWithoutConsoleErrors_andEveryCycleRenders() throws Exception {
        Report runtime = runtimeDeadlock();
        // one report with both kinds, as `lockcheck report static.json runtime.json` builds it
        List<Finding> all = new java.util.ArrayList<>(runtime.findings());
        all.addAll(SarifReportTest.sampleReport().findings());
        Report merged = runtime.withFindings(all);
        long cycles = all.stream().filter(f -> f.cycle() != null).count();
        Path page = dir.resolve("lockcheck-report.html");
        Files.writeString(page, new HtmlReport().render(merged));

        HeadlessChromium.Run run = HeadlessChromium.locate().dumpDom(page);
        String dom = run.stdout();
        assertEquals(0, run.exit(), run.stderr());
        assertEquals("true", attr(dom, "data-ready"), "the page's script ran to the end:\n" + dom);
        assertEquals("0", attr(dom, "data-js-errors"), "script errors recorded by the page:\n" + dom);
        List<String> consoleErrors = run.stderr().lines()
                .filter(l -> l.contains("CONSOLE") && (l.contains("ERROR") || l.contains("Uncaught"))).toList();
        assertEquals(List.of(), consoleErrors);
        assertEquals(String.valueOf(cycles), attr(dom, "data-cycles-rendered"), "every runtime finding's diagram drew");
        Matcher rendered = Pattern.compile("<svg[^>]*class=\"lc-cycle\"[^>]*data-rendered=\"true\"").matcher(dom);
        int n = 0;
        while (rendered.find()) n++;
        assertEquals(cycles, n);
        assertTrue(dom.contains("completed by"), "the handoff edge is drawn and labelled");
        assertTrue(dom.contains("data-from=\"refresher\" data-to=\"Cache.lock\"") || dom.contains("data-from=\"refresher\""),
                "the queued writer waits for the lock");
    }

    @Test
    void filters_hideCardsOfOtherRulesAndSeverities() throws Exception {
        List<Finding> all = new java.util.ArrayList<>(runtimeDeadlock().findings());
        all.addAll(SarifReportTest.sampleReport().findings());
        long lc204 = all.stream().filter(f -> f.ruleId().equals("LC204")).count();
        String html = new HtmlReport().render(runtimeDeadlock().withFindings(all))
                .replace("</body>", "<script>document.getElementById('lc-rule').value='LC204';"
                        + "document.getElementById('lc-rule').dispatchEvent(new Event('change'));</script></body>");
        Path page = dir.resolve("filtered.html");
        Files.writeString(page, html);
        String dom = HeadlessChromium.locate().dumpDom(page).stdout();
        assertEquals(String.valueOf(lc204), attr(dom, "data-shown"), dom);
    }

    @Test
    void brokenScript_isCaughtByTheSameCheck() throws Exception {
        // proves the check can fail: a page whose script throws is reported as such
        Path page = dir.resolve("broken.html");
        String html = new HtmlReport().render(runtimeDeadlock())
                .replace("</body>", "<script>undefinedFunctionCall();</script></body>");
        Files.writeString(page, html);
        String dom = HeadlessChromium.locate().dumpDom(page).stdout();
        assertEquals("1", attr(dom, "data-js-errors"), dom);
    }

    @Test
    void screenshotOfTheReport_isWritten() throws Exception {
        Path page = dir.resolve("lockcheck-report.html");
        Files.writeString(page, new HtmlReport().render(runtimeDeadlock()));
        Path png = dir.resolve("report.png");
        HeadlessChromium.locate().screenshot(page, png);
        assertTrue(Files.size(png) > 10_000, "a real picture, not an empty one: " + Files.size(png) + " bytes");
        String keep = System.getProperty("lockcheck.screenshot");
        if (keep != null) Files.copy(png, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
