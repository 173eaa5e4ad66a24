package dev.lockcheck.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockcheck.report.Report;
import dev.lockcheck.report.ReportJson;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReporterTest {
    @Test
    void cleanRunReport_isWhatTheJsonWriterWritesForNoFindings(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.json");
        new Reporter(Options.parse("report=" + out), new PrintStream(OutputStream.nullOutputStream())).write();
        assertEquals(ReportJson.toString(Report.of(Report.RUNTIME, List.of(), null, null, null)), Files.readString(out));
    }
}
