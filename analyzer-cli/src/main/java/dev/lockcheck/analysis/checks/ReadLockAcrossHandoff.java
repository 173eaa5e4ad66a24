package dev.lockcheck.analysis.checks;

import dev.lockcheck.analysis.BodyResult;
import dev.lockcheck.analysis.FindingSink;
import dev.lockcheck.analysis.Held;
import dev.lockcheck.analysis.Obs;
import dev.lockcheck.analysis.ProjectFacts;
import dev.lockcheck.analysis.StaticCheck;
import dev.lockcheck.report.TraceStep;
import dev.lockcheck.rules.Severity;

/**
 * LC001: a read lock (RRWL read view, StampedLock read stamp, asReadLock view) held across a
 * blocking handoff, directly or through calls, where the same lock is write-acquired somewhere in
 * the sources. Timed handoffs are warnings.
 */
final class ReadLockAcrossHandoff implements StaticCheck {
    @Override
    public String ruleId() {
        return "LC001";
    }

    @Override
    public void check(ProjectFacts project, FindingSink sink) {
        for (BodyResult b : project.bodies()) {
            for (Obs o : b.obs()) {
                if (!(o instanceof Obs.Block block)) continue;
                for (Held h : o.held()) {
                    if (!h.ref().mode().isShared() || !project.isWriteAcquired(h.ref().id())) continue;
                    if (h.ref().id().equals(block.conditionOf())) continue; // await releases its own lock
                    TraceStep writer = project.writeSite(h.ref().id());
                    String msg = ReadToWriteUpgrade.capitalise(h.ref().describe()) + " (acquired " + Evidence.where(h) + ") is held across "
                            + Evidence.operation(o) + Evidence.through(o) + (block.handoff().timed() ? ", a timed handoff" : ", a blocking handoff")
                            + "; " + h.ref().id().display() + " is write-acquired at " + Evidence.at(writer)
                            + ", so once a writer queues no other thread can take a first read lock, and if the thread that must "
                            + "complete this handoff needs it, the threads deadlock with nothing in jstack. "
                            + "Fix: release the read lock before the handoff (copy what you need under the lock).";
                    sink.report(ruleId(), block.handoff().timed() ? Severity.WARNING : Severity.ERROR, b.body(), o.node(), msg,
                            h.ref().id(), Evidence.trace(b.body(), h, o));
                    break;
                }
            }
        }
    }
}
