package dev.lockcheck.analysis.checks;

import dev.lockcheck.analysis.BodyResult;
import dev.lockcheck.analysis.FindingSink;
import dev.lockcheck.analysis.Obs;
import dev.lockcheck.analysis.ProjectFacts;
import dev.lockcheck.analysis.StaticCheck;
import dev.lockcheck.report.TraceStep;
import dev.lockcheck.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * LC005: in a body that acquires and also releases a lock, a hold not covered by a finally on
 * every path, or an acquisition inside the try whose finally releases it. Bodies that only acquire
 * (handing the hold on) are not reported.
 */
final class UnsafeLockRelease implements StaticCheck {
    @Override
    public String ruleId() {
        return "LC005";
    }

    @Override
    public void check(ProjectFacts project, FindingSink sink) {
        for (BodyResult b : project.bodies()) {
            for (Obs o : b.obs()) {
                if (!(o instanceof Obs.Unsafe u)) continue;
                if (!b.releasedAnywhere().contains(u.lock().ref().id())) continue;
                // an acquire-or-back-off helper: it releases only on its failure path and otherwise
                // returns holding the lock, which its caller now owns
                if (b.summary().exitHeld().stream().anyMatch(h -> h.ref().id().equals(u.lock().ref().id()))) continue;
                String msg = ReadToWriteUpgrade.capitalise(u.lock().ref().describe()) + " acquired here is not released on every path: "
                        + u.reason() + ". Fix: acquire it on the line just before try { ... } finally { unlock } and release it "
                        + "only in that finally.";
                List<TraceStep> trace = new ArrayList<>();
                trace.add(Evidence.acquired(b.body(), u.lock()));
                if (u.node() != u.lock().acquiredAt()) trace.addAll(u.via());
                sink.report(ruleId(), Severity.WARNING, b.body(), u.lock().acquiredAt(), msg, u.lock().ref().id(), trace);
            }
        }
    }
}
