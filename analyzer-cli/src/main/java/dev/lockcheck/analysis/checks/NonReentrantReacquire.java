package dev.lockcheck.analysis.checks;

import dev.lockcheck.analysis.BodyResult;
import dev.lockcheck.analysis.FindingSink;
import dev.lockcheck.analysis.Held;
import dev.lockcheck.analysis.Obs;
import dev.lockcheck.analysis.ProjectFacts;
import dev.lockcheck.analysis.StaticCheck;
import dev.lockcheck.analysis.knowledge.LockApis.Op;
import dev.lockcheck.rules.Severity;

/** LC003: a StampedLock acquired again (blocking forms, any mode) while the same path holds it. */
final class NonReentrantReacquire implements StaticCheck {
    @Override
    public String ruleId() {
        return "LC003";
    }

    @Override
    public void check(ProjectFacts project, FindingSink sink) {
        for (BodyResult b : project.bodies()) {
            for (Obs o : b.obs()) {
                if (!(o instanceof Obs.Acquire a) || a.op() != Op.ACQUIRE || !a.ref().mode().isStamped()) continue;
                Held outer = Evidence.findAnySame(o.held(), a.ref().id(), a.instance());
                if (outer == null) continue;
                String msg = ReadToWriteUpgrade.capitalise("a " + a.ref().describe())
                        + " is requested" + Evidence.through(o) + " while this path already holds its " + outer.ref().mode().describe()
                        + " (acquired " + Evidence.where(outer) + "): StampedLock is not reentrant, so the thread "
                        + (outer.ref().mode() == dev.lockcheck.model.LockMode.STAMP_READ && a.ref().mode() == dev.lockcheck.model.LockMode.STAMP_READ
                        ? "blocks forever as soon as a writer is waiting"
                        : "waits for itself forever")
                        + ". Fix: acquire the stamp once and have inner code assume it is held (or pass the data in).";
                sink.report(ruleId(), Severity.ERROR, b.body(), o.node(), msg, a.ref().id(), Evidence.trace(b.body(), outer, o));
            }
        }
    }
}
