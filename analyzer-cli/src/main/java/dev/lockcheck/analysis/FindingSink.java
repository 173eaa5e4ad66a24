package dev.lockcheck.analysis;

import com.github.javaparser.ast.Node;
import dev.lockcheck.report.TraceStep;
import dev.lockcheck.rules.Severity;
import java.util.List;

/** Where checks report. Location, suppression, fingerprint and one-finding-per-location are handled behind it. */
public interface FindingSink {
    /**
     * @param body    the body holding the lock (the primary location is in it)
     * @param primary the node reported (its line and column)
     * @param lock    the lock concerned, or null
     * @param trace   evidence, outermost first
     */
    default void report(String ruleId, Severity severity, Body body, Node primary, String message, LockId lock, List<TraceStep> trace) {
        report(ruleId, severity, body, primary, message, lock, trace, null);
    }

    /**
     * @param identity what the finding is about when that is not its place, for its fingerprint
     *                 (LC007: the lock-order edge, whichever call is its most direct site), or null
     */
    void report(String ruleId, Severity severity, Body body, Node primary, String message, LockId lock, List<TraceStep> trace,
                String identity);
}
