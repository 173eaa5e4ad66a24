package dev.lockcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lockcheck.rules.Rule;
import dev.lockcheck.rules.RuleCatalog;
import dev.lockcheck.rules.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportTest {
    @TempDir
    Path dir;

    /** A report with everything SARIF has to carry: traces, a runtime cycle, a suppression, an unknown rule, file errors. */
    static Report sampleReport() {
        Finding handoff = Finding.of("LC001", Severity.ERROR,
                "read lock Cache.lock held across SynchronousQueue.put: a queued writer blocks the consumer's read",
                new Location("src/main/java/acme/Cache.java", 42, 13), "acme.Cache.lock",
                List.of(new TraceStep("src/main/java/acme/Cache.java", 38, "read lock acquired"),
                        new TraceStep("src/main/java/acme/Cache.java", 42, "calls publish(item)"),
                        new TraceStep("src/main/java/acme/Publisher.java", 17, "SynchronousQueue.put blocks until a consumer takes")))
                .withFingerprint(Fingerprints.of("LC001", "src/main/java/acme/Cache.java", "Cache#stream()", "acme.Cache.lock", "publish(item);"));
        Finding unsafe = Finding.of("LC005", Severity.WARNING, "lock() is not followed by try/finally unlock()",
                new Location("src/main/java/acme/My Dir/Ünïcode.java", 7, 9), "acme.Other.lock", List.of());
        Finding suppressed = Finding.of("LC004", Severity.WARNING, "read lock re-acquired while held",
                new Location("src/main/java/acme/Cache.java", 60, 9), "acme.Cache.lock",
                List.of(new TraceStep("src/main/java/acme/Cache.java", 58, "read lock acquired")))
                .suppressed("@SuppressWarnings(\"lockcheck:LC004\")");
        Finding runtime = Finding.of("LC201", Severity.ERROR, "handoff deadlock on acme.Cache.lock",
                new Location("src/main/java/acme/Cache.java", 42, 1), "acme.Cache.lock@Cache.java:12",
                List.of(new TraceStep("src/main/java/acme/Cache.java", 38, "producer holds read lock acme.Cache.lock")))
                .withThreads(List.of(new ThreadSnapshot("producer", 31, "WAITING", List.of("acme.Cache.stream(Cache.java:42)")),
                        new ThreadSnapshot("consumer", 32, "WAITING", List.of("acme.Cache.get(Cache.java:20)"))));
        return Report.of(Report.STATIC, List.of(handoff, unsafe, suppressed, runtime),
                List.of(new FileError("src/Broken.java", "parse error at 3:7: unexpected token")),
                List.of(new FileError("src/Latin1.java", "not valid UTF-8; analysed as ISO-8859-1")),
                new Stats(5, 4, 12));
    }

    private static JsonNode sarif(Report r) throws Exception {
        String text = new SarifReport(p -> "module/" + p).srcRoot(Path.of("/tmp/repo"))
                .invocation(new SarifReport.Invocation(List.of("scan", "src"), Instant.EPOCH, Instant.EPOCH.plusMillis(12), Path.of("/tmp/repo")))
                .toString(r);
        return ReportJson.mapper().readTree(text);
    }

    @Test
    void handBuiltReportWithTraces_passesTheOfficialValidator_noErrorNoWarning() throws Exception {
        Path file = dir.resolve("hand-built.sarif");
        Files.writeString(file, new SarifReport(p -> "module/" + p).srcRoot(dir)
                .invocation(new SarifReport.Invocation(List.of("report", "x.json"), Instant.now(), Instant.now(), dir))
                .toString(sampleReport()));
        assertEquals(List.of(), SarifValidator.problems(file));
    }

    @Test
    void rules_comeFromTheCatalog_withHelpUriToTheRulePage() throws Exception {
        JsonNode rules = sarif(sampleReport()).at("/runs/0/tool/driver/rules");
        Rule lc001 = RuleCatalog.get().require("LC001");
        JsonNode r0 = rules.get(0);
        assertEquals("LC001", r0.path("id").asText());
        assertEquals(lc001.name(), r0.path("name").asText());
        assertTrue(r0.path("helpUri").isMissingNode(), "no base URL set: no link to a made-up address");
        assertTrue(r0.at("/help/text").asText().contains("lockcheck explain LC001"));
        JsonNode linked = ReportJson.mapper().readTree(new SarifReport(p -> p).rulesUrl("https://docs.example.org/lockcheck/rules")
                .toString(sampleReport())).at("/runs/0/tool/driver/rules/0");
        assertEquals("https://docs.example.org/lockcheck/rules/LC001.md", linked.path("helpUri").asText());
        assertEquals(lc001.page(), r0.at("/help/markdown").asText());
        assertTrue(r0.at("/fullDescription/text").asText().endsWith("."));
        assertEquals("error", r0.at("/defaultConfiguration/level").asText());
        assertTrue(rules.findValuesAsText("id").contains("LC201"), "the runtime LC201 has a descriptor too");
    }

    @Test
    void handoffFinding_hasAcquisitionSiteCodeFlowAndFingerprint() throws Exception {
        JsonNode res = sarif(sampleReport()).at("/runs/0/results/0");
        assertEquals("module/src/main/java/acme/Cache.java", res.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", res.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText());
        assertEquals(38, res.at("/relatedLocations/0/physicalLocation/region/startLine").asInt());
        JsonNode steps = res.at("/codeFlows/0/threadFlows/0/locations");
        assertEquals(3, steps.size(), "the trace already passes through the reported call: no extra step");
        assertEquals(13, steps.get(1).at("/location/physicalLocation/region/startColumn").asInt(), "the reported step has its column");
        assertEquals(17, steps.get(2).at("/location/physicalLocation/region/startLine").asInt());
        assertEquals("module/src/main/java/acme/Publisher.java", steps.get(2).at("/location/physicalLocation/artifactLocation/uri").asText());
        assertEquals(sampleReport().findings().get(0).fingerprint(), res.at("/partialFingerprints/lockcheck~1v1").asText());
    }

    @Test
    void traceNotReachingTheReportedLine_getsItAsTheLastStep() throws Exception {
        JsonNode steps = sarif(sampleReport()).at("/runs/0/results/2/codeFlows/0/threadFlows/0/locations");
        assertEquals(2, steps.size());
        assertEquals(60, steps.get(1).at("/location/physicalLocation/region/startLine").asInt());
    }

    @Test
    void pathWithSpaceAndNonAscii_isPercentEncoded() throws Exception {
        JsonNode res = sarif(sampleReport()).at("/runs/0/results/1");
        String uri = res.at("/locations/0/physicalLocation/artifactLocation/uri").asText();
        assertEquals("module/src/main/java/acme/My%20Dir/%C3%9Cn%C3%AFcode.java", uri);
        assertTrue(res.path("partialFingerprints").path(SarifReport.FINGERPRINT_KEY).asText().matches("[0-9a-f]{16}"),
                "no fingerprint in the finding: one is derived");
        assertFalse(res.has("codeFlows"), "no trace, no code flow");
    }

    @Test
    void suppressedFinding_carriesAnInSourceSuppression() throws Exception {
        JsonNode res = sarif(sampleReport()).at("/runs/0/results/2");
        assertEquals("inSource", res.at("/suppressions/0/kind").asText());
        assertTrue(res.at("/suppressions/0/justification").asText().contains("lockcheck:LC004"));
    }

    @Test
    void fileErrors_becomeToolExecutionNotifications() throws Exception {
        JsonNode notes = sarif(sampleReport()).at("/runs/0/invocations/0/toolExecutionNotifications");
        assertEquals(2, notes.size());
        assertEquals("error", notes.get(0).path("level").asText());
    }

    @Test
    void runLevel_carriesNoAbsolutePath() throws Exception {
        JsonNode run = ReportJson.mapper().readTree(new SarifReport(p -> p).srcRoot(Path.of("/tmp/repo"))
                .invocation(new SarifReport.Invocation(List.of("scan", "/tmp/repo/src", "--output=/tmp/repo/out/x.sarif",
                        "--baseline", "/home/me/base.json"), Instant.EPOCH, Instant.EPOCH, Path.of("/tmp/repo")))
                .toString(sampleReport())).at("/runs/0");
        assertTrue(run.at("/originalUriBaseIds/%SRCROOT%/uri").isMissingNode());
        assertTrue(run.at("/invocations/0/workingDirectory").isMissingNode());
        assertEquals("lockcheck scan src --output=out/x.sarif --baseline .../base.json", run.at("/invocations/0/commandLine").asText());
        assertFalse(run.toString().contains("/tmp/repo") || run.toString().contains("/home/me"), run.toString());
    }

    @Test
    void runtimeFinding_relatedLocationComesFromItsCycle_notFromNoteText() throws Exception {
        Finding f = HtmlReportTest.handoffDeadlock();
        f = new Finding(f.ruleId(), f.severity(), f.message(), new Location("src/main/java/acme/Cache.java", 42, 1), f.lock(),
                List.of(), f.threads(), "fp", null, f.cycle());
        JsonNode res = sarif(Report.of(Report.RUNTIME, List.of(f), null, null, null)).at("/runs/0/results/0");
        assertEquals(38, res.at("/relatedLocations/0/physicalLocation/region/startLine").asInt(), res.toString());
        assertEquals("module/src/main/java/acme/Cache.java", res.at("/relatedLocations/0/physicalLocation/artifactLocation/uri").asText());
        assertTrue(res.at("/relatedLocations/0/message/text").asText().contains("thread A took acme.Cache.lock (read)"));
    }
}
