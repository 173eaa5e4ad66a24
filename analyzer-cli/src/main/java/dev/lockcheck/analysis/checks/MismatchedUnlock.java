package dev.lockcheck.analysis.checks;

import dev.lockcheck.analysis.BodyResult;
import dev.lockcheck.analysis.FindingSink;
import dev.lockcheck.analysis.Held;
import dev.lockcheck.analysis.LockRef;
import dev.lockcheck.analysis.Obs;
import dev.lockcheck.analysis.ProjectFacts;
import dev.lockcheck.analysis.StaticCheck;
import dev.lockcheck.model.LockMode;
import dev.lockcheck.rules.Severity;

/**
 * LC006: a release that does not match the hold: RRWL read acquired and write released (or the
 * reverse) on a path holding only the other mode; a StampedLock stamp from readLock given to
 * unlockWrite (or the reverse).
 */
final class MismatchedUnlock implements StaticCheck {
    @Override
    public String ruleId() {
        return "LC006";
    }

    @Override
    public void check(ProjectFacts project, FindingSink sink) {
        for (BodyResult b : project.bodies()) {
            for (Obs o : b.obs()) {
                if (!(o instanceof Obs.Release r) || r.anyMode()) continue;
                LockRef ref = r.ref();
                LockMode other = opposite(ref.mode());
                if (other == null) continue;
                String msg = null;
                Held acquired = null;
                if (ref.mode().isStamped() && r.stampMode() != null) {
                    if (r.stampMode() != ref.mode()) {
                        acquired = Evidence.find(o.held(), ref.id(), r.stampMode());
                        msg = "A " + r.stampMode().describe() + " of " + ref.id().display() + " is given to "
                                + (ref.mode() == LockMode.STAMP_WRITE ? "unlockWrite" : "unlockRead")
                                + ": it throws IllegalMonitorStateException and the real hold is never released. "
                                + "Fix: release with the matching method, or with unlock(stamp).";
                    }
                } else if (Evidence.find(o.held(), ref.id(), ref.mode()) == null
                        && (acquired = Evidence.find(o.held(), ref.id(), other)) != null) {
                    msg = "Releases the " + ref.mode().describe() + " of " + ref.id().display() + ", but this path holds its "
                            + other.describe() + " (acquired " + Evidence.where(acquired) + "): the release throws "
                            + "IllegalMonitorStateException and the " + other.describe() + " is never released, blocking "
                            + (other.isShared() ? "every writer" : "every other thread") + ". Fix: release the same view you acquired.";
                }
                if (msg != null) {
                    sink.report(ruleId(), Severity.ERROR, b.body(), o.node(), msg, ref.id(),
                            acquired == null ? o.via() : Evidence.trace(b.body(), acquired, o));
                }
            }
        }
    }

    private static LockMode opposite(LockMode m) {
        return switch (m) {
            case READ -> LockMode.WRITE;
            case WRITE -> LockMode.READ;
            case STAMP_READ -> LockMode.STAMP_WRITE;
            case STAMP_WRITE -> LockMode.STAMP_READ;
            default -> null;
        };
    }

}
