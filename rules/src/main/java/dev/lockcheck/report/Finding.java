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
        String fingerprint) {

    public Finding {
        trace = trace == null ? List.of() : List.copyOf(trace);
        threads = threads == null ? null : List.copyOf(threads);
    }

    public Finding withFingerprint(String fp) {
        return new Finding(ruleId, severity, message, location, lock, trace, threads, fp);
    }

    public Finding withLocation(Location loc, List<TraceStep> newTrace) {
        return new Finding(ruleId, severity, message, loc, lock, newTrace, threads, fingerprint);
    }
}
