package dev.lockcheck.report;

/** One step of a finding's evidence: where the held lock was acquired, each call down to the real blocking call. */
public record TraceStep(String file, int line, String note) {
}
