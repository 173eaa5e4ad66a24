package dev.lockcheck.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockcheck.report.Finding;
import dev.lockcheck.report.TraceStep;
import dev.lockcheck.rules.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each call step of a trace is exact (the syntax fixes the one method that runs) or guessed
 * (several methods of the sources could run); a finding that needs a guessed call is a warning
 * that names it. Production code never runs test sources.
 */
class EvidenceGradeTest {
    @TempDir
    Path dir;

    /** Two locks taken in opposite orders; the inner one of the first path through {@code sink.accept()}. */
    private static final String[] BANK = {
            "class Bank {",
            "    final java.util.concurrent.locks.ReentrantLock ledger = new java.util.concurrent.locks.ReentrantLock();",
            "    final Object audit = new Object();",
            "    SINK_FIELD",
            "    void post() { ledger.lock(); try { sink.accept(); } finally { ledger.unlock(); } }",
            "    void review() { synchronized (audit) { ledger.lock(); ledger.unlock(); } }",
            "}"};

    private static String[] bank(String sinkField) {
        String[] out = BANK.clone();
        out[3] = sinkField;
        return out;
    }

    /** (It synchronizes itself, so the prefilter parses it: the subject here is resolution, not file selection.) */
    private static final String[] SINK = {"interface Sink { void accept(); default void flush() { synchronized (this) { } } }"};
    private static final String[] AUDITED = {"class Audited implements Sink {",
            "    final Bank bank; Audited(Bank b) { bank = b; }",
            "    public void accept() { synchronized (bank.audit) { } }",
            "}"};
    private static final String[] QUIET = {"class Quiet implements Sink { public void accept() { } }"};

    private static Finding lc007At(List<Finding> fs, int line) {
        return fs.stream().filter(f -> f.ruleId().equals("LC007") && f.location().line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no LC007 at line " + line + ": " + fs));
    }

    @Test
    void interfaceCallWithTwoImplementations_isGuessed_andTheFindingIsAWarningNamingIt() {
        List<Finding> fs = new Fixture(dir).file("Bank.java", bank("Sink sink;"))
                .file("Sink.java", SINK).file("Audited.java", AUDITED).file("Quiet.java", QUIET)
                .scan().report().findings();
        Finding f = lc007At(fs, 5);
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("the call to Audited.accept() at Bank.java:5 was guessed"), f.message());
        assertTrue(f.trace().stream().anyMatch(TraceStep::guessed), f.trace().toString());
    }

    @Test
    void interfaceCallWithOneImplementationInTheSources_isExact_andStaysAnError() {
        List<Finding> fs = new Fixture(dir).file("Bank.java", bank("Sink sink;"))
                .file("Sink.java", SINK).file("Audited.java", AUDITED)
                .scan().report().findings();
        Finding f = lc007At(fs, 5);
        assertEquals(Severity.ERROR, f.severity(), f.message());
        TraceStep call = f.trace().stream().filter(t -> t.note().startsWith("calls Audited.accept")).findFirst().orElseThrow();
        assertEquals(TraceStep.EXACT, call.evidence());
    }

    @Test
    void fieldOnlyEverAssignedANewObject_fixesTheClass_soTheCallIsExact() {
        List<Finding> fs = new Fixture(dir).file("Bank.java", bank("final Sink sink = new Audited(this);"))
                .file("Sink.java", SINK).file("Audited.java", AUDITED).file("Quiet.java", QUIET)
                .scan().report().findings();
        assertEquals(Severity.ERROR, lc007At(fs, 5).severity(), lc007At(fs, 5).message());
    }

    @Test
    void implementationInTestSources_isNotRunByProductionCode() {
        List<Finding> fs = new Fixture(dir).file("src/main/java/Bank.java", bank("Sink sink;"))
                .file("src/main/java/Sink.java", SINK).file("src/test/java/Audited.java", AUDITED)
                .scan().report().findings();
        assertEquals(List.of(), fs.stream().filter(f -> f.ruleId().equals("LC007")).toList(),
                "the only implementation taking the audit lock is a test's");
    }
}
