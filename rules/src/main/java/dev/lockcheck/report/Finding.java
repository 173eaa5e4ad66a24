package dev.lockcheck.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lockcheck.rules.Severity;
import java.util.List;

/**
 * One finding, static or runtime. Field names are the JSON contract ({@code lockcheck-report/1}).
 *
 * @param lock        qualified lock name, e.g. {@code acme.Cache.lock} (runtime: class and allocation site)
 * @param trace       evidence, outermost first: where the lock was taken, each call down to the real one
 * @param threads     runtime findings only
 * @param fingerprint stable across unrelated edits; what baselines record
 * @param suppressedBy null, or how the finding was suppressed ({@code @SuppressWarnings} or
 *                    {@code lockcheck:ignore}); suppressed findings are dropped unless
 *                    {@code --show-suppressed}
 * @param cycle       runtime findings: the cycle as data (threads, locks, handoffs, edges); null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
        String ruleId,
        Severity severity,
        String message,
        Location location,
        String lock,
        List<TraceStep> trace,
        List<ThreadSnapshot> threads,
        String fingerprint,
        String suppressedBy,
        Cycle cycle) {

    public Finding {
        trace = trace == null ? List.of() : List.copyOf(trace);
        threads = threads == null ? null : List.copyOf(threads);
    }

    public Finding(String ruleId, Severity severity, String message, Location location, String lock,
                   List<TraceStep> trace, List<ThreadSnapshot> threads, String fingerprint, String suppressedBy) {
        this(ruleId, severity, message, location, lock, trace, threads, fingerprint, suppressedBy, null);
    }

    public static Finding of(String ruleId, Severity severity, String message, Location location, String lock,
                             List<TraceStep> trace) {
        return new Finding(ruleId, severity, message, location, lock, trace, null, null, null, null);
    }

    public Finding withFingerprint(String fp) {
        return new Finding(ruleId, severity, message, location, lock, trace, threads, fp, suppressedBy, cycle);
    }

    public Finding withThreads(List<ThreadSnapshot> ts) {
        return new Finding(ruleId, severity, message, location, lock, trace, ts, fingerprint, suppressedBy, cycle);
    }

    public Finding suppressed(String how) {
        return new Finding(ruleId, severity, message, location, lock, trace, threads, fingerprint, how, cycle);
    }

    public Finding withCycle(Cycle c) {
        return new Finding(ruleId, severity, message, location, lock, trace, threads, fingerprint, suppressedBy, c);
    }
}
