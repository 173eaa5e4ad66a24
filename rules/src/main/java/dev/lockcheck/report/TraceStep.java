package dev.lockcheck.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One step of a finding's evidence: where the held lock was acquired, each call down to the real
 * blocking call. {@code evidence}: for a call step, {@link #EXACT} when the call can reach only one
 * method, {@link #GUESSED} when it had several possible targets and one was chosen; null for steps
 * that are not calls (an acquisition) and for runtime findings (what ran is a fact).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TraceStep(String file, int line, String note, String evidence) {
    public static final String EXACT = "exact";
    public static final String GUESSED = "guessed";

    public TraceStep(String file, int line, String note) {
        this(file, line, note, null);
    }

    public boolean guessed() {
        return GUESSED.equals(evidence);
    }
}
