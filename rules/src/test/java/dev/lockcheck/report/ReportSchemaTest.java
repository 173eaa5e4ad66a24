package dev.lockcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON report's documented format (lockcheck-report.schema.json) matches what the writers write. */
class ReportSchemaTest {
    static JsonSchemaSubset schema() throws Exception {
        try (InputStream in = ReportSchemaTest.class.getResourceAsStream("/lockcheck-report.schema.json")) {
            assertNotNull(in, "the schema ships in the rules jar");
            return new JsonSchemaSubset(ReportJson.mapper().readTree(in));
        }
    }

    private static JsonNode json(Report r) throws Exception {
        return ReportJson.mapper().readTree(ReportJson.toString(r));
    }

    @Test
    void staticReportWithErrorsWarningsStatsAndSuppressions_isValid() throws Exception {
        assertEquals(List.of(), schema().validate(json(SarifReportTest.sampleReport())));
    }

    @Test
    void runtimeReportWithCycles_isValid() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("runtime-deadlock.json")) {
            JsonNode doc = ReportJson.mapper().readTree(in);
            assertEquals(List.of(), schema().validate(doc));
            assertTrue(doc.at("/findings/0/cycle/edges").size() > 0);
        }
        assertEquals(List.of(), schema().validate(json(Report.of(Report.RUNTIME, List.of(HtmlReportTest.handoffDeadlock()), null, null, null))));
    }

    @Test
    void violations_areNamed() throws Exception {
        ObjectNode doc = (ObjectNode) json(SarifReportTest.sampleReport());
        ((ObjectNode) doc.get("findings").get(0)).remove("ruleId");
        ((ObjectNode) doc.get("findings").get(1)).put("severity", "fatal");
        doc.put("schema", "lockcheck-report/2");
        List<String> problems = schema().validate(doc);
        assertTrue(problems.contains("$.findings[0]: lacks required 'ruleId'"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.findings[1].severity")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.schema")), problems.toString());
    }

    @Test
    void unsupportedKeyword_isRefused_soTheSchemaCannotOutgrowItsTest() {
        ObjectNode s = ReportJson.mapper().createObjectNode().put("type", "object").put("oneOf", 1);
        assertFalse(assertThrowsMessage(() -> new JsonSchemaSubset(s)).isEmpty());
    }

    private static String assertThrowsMessage(Runnable r) {
        return org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }
}
