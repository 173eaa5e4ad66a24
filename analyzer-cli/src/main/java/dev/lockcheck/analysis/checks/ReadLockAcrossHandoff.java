package dev.lockcheck.analysis.checks;

import dev.lockcheck.analysis.BodyResult;
import dev.lockcheck.analysis.FindingSink;
import dev.lockcheck.analysis.Held;
import dev.lockcheck.analysis.Obs;
import dev.lockcheck.analysis.ProjectFacts;
import dev.lockcheck.analysis.StaticCheck;
import dev.lockcheck.report.TraceStep;
import dev.lockcheck.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * LC001: a read lock (RRWL read view, StampedLock read stamp, asReadLock view) held across a
 * blocking handoff, directly or through calls, where the same lock is write-acquired somewhere in
 * the sources. Who completes the handoff decides ({@link HandoffCounterparts}): an error when that
 * code, or a path of the sources reaching it, can take the same lock (the seed deadlock, shown
 * whole); a warning when the handoff is timed or when that code or its paths are not all in the
 * sources; nothing when all of it is known and none of it takes the lock.
 */
final class ReadLockAcrossHandoff implements StaticCheck {
    @Override
    public String ruleId() {
        return "LC001";
    }

    @Override
    public void check(ProjectFacts project, FindingSink sink) {
        HandoffCounterparts counterparts = new HandoffCounterparts(project);
        for (BodyResult b : project.bodies()) {
            for (Obs o : b.obs()) {
                if (!(o instanceof Obs.Block block)) continue;
                for (Held h : o.held()) {
                    if (!h.ref().mode().isShared() || !project.isWriteAcquired(h.ref().id())) continue;
                    if (h.ref().id().equals(block.conditionOf())) continue; // await releases its own lock
                    HandoffCounterparts.Verdict v = counterparts.of(block, h.ref().id());
                    if (v.kind() == HandoffCounterparts.Kind.CLEAN) continue;
                    boolean timed = block.handoff().timed();
                    TraceStep writer = project.writeSite(h.ref().id());
                    String lock = h.ref().id().display();
                    String head = ReadToWriteUpgrade.capitalise(h.ref().describe()) + " (acquired " + Evidence.where(h) + ") is held across "
                            + Evidence.operation(o) + Evidence.through(o) + (timed ? ", a timed handoff" : ", a blocking handoff");
                    String msg;
                    List<TraceStep> trace = new ArrayList<>(Evidence.trace(b.body(), h, o));
                    if (v.kind() == HandoffCounterparts.Kind.LOCKS) {
                        trace.addAll(v.steps());
                        msg = head + ", and the thread that completes it needs the same lock: " + v.who() + " ("
                                + Evidence.at(v.completes()) + ") acquires " + v.acquired() + " at " + Evidence.at(v.lockAt()) + ". "
                                + lock + " is write-acquired at " + Evidence.at(writer) + ": once a writer queues, that thread waits "
                                + "behind the writer, the writer waits for this read lock, and this thread waits for that thread"
                                + (timed ? " until the timeout expires." : ": a deadlock with nothing in jstack.")
                                + " Fix: release the read lock before the handoff (copy what you need under the lock).";
                    } else {
                        msg = head + "; " + lock + " is write-acquired at " + Evidence.at(writer) + ", and the code that completes the handoff "
                                + "is not all in the sources (" + v.reason() + "): if it takes " + lock + ", once a writer queues the "
                                + "threads deadlock with nothing in jstack. Fix: release the read lock before the handoff "
                                + "(copy what you need under the lock).";
                    }
                    Severity sev = timed || v.kind() == HandoffCounterparts.Kind.UNKNOWN ? Severity.WARNING : Severity.ERROR;
                    sink.report(ruleId(), sev, b.body(), o.node(), msg, h.ref().id(), trace);
                    break;
                }
            }
        }
    }
}
