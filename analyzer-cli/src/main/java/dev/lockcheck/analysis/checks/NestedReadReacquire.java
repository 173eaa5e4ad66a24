package dev.lockcheck.analysis.checks;

import dev.lockcheck.analysis.BodyResult;
import dev.lockcheck.analysis.FindingSink;
import dev.lockcheck.analysis.Held;
import dev.lockcheck.analysis.Obs;
import dev.lockcheck.analysis.ProjectFacts;
import dev.lockcheck.analysis.StaticCheck;
import dev.lockcheck.analysis.knowledge.LockApis.Op;
import dev.lockcheck.model.LockMode;
import dev.lockcheck.rules.Severity;

/**
 * LC004: an RRWL read lock acquired again while the same path already holds it (and not its
 * write lock, which would make this a downgrade in progress).
 */
final class NestedReadReacquire implements StaticCheck {
    @Override
    public String ruleId() {
        return "LC004";
    }

    @Override
    public void check(ProjectFacts project, FindingSink sink) {
        for (BodyResult b : project.bodies()) {
            for (Obs o : b.obs()) {
                if (!(o instanceof Obs.Acquire a) || a.op() != Op.ACQUIRE || a.ref().mode() != LockMode.READ) continue;
                Held outer = Evidence.findSame(o.held(), a.ref().id(), LockMode.READ, a.instance());
                if (outer == null || Evidence.findSame(o.held(), a.ref().id(), LockMode.WRITE, a.instance()) != null) continue;
                String msg = "The read lock of " + a.ref().id().display()
                        + " is acquired again" + Evidence.through(o) + " while this path already holds it (" + Evidence.where(outer) + "): legal on one "
                        + "thread, but if the inner acquisition ever runs on another thread it queues behind a waiting writer "
                        + "that waits for the outer read: a deadlock nothing reports. "
                        + "Fix: move the locked body into a private helper that assumes the lock and call that instead.";
                sink.report(ruleId(), Severity.WARNING, b.body(), o.node(), msg, a.ref().id(), Evidence.trace(b.body(), outer, o));
            }
        }
    }
}
