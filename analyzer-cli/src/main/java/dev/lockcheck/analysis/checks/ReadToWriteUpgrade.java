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
 * LC002: the write lock of a ReentrantReadWriteLock requested (lock, lockInterruptibly, or an
 * untimed tryLock retried in a loop) while the same path holds its read lock and not its write lock.
 */
final class ReadToWriteUpgrade implements StaticCheck {
    @Override
    public String ruleId() {
        return "LC002";
    }

    @Override
    public void check(ProjectFacts project, FindingSink sink) {
        for (BodyResult b : project.bodies()) {
            for (Obs o : b.obs()) {
                if (!(o instanceof Obs.Acquire a) || a.ref().mode() != LockMode.WRITE) continue;
                if (!(a.op() == Op.ACQUIRE || (a.op() == Op.TRY && a.inLoop()))) continue;
                Held read = Evidence.findSame(o.held(), a.ref().id(), LockMode.READ, a.instance());
                if (read == null || Evidence.findSame(o.held(), a.ref().id(), LockMode.WRITE, a.instance()) != null) continue;
                String how = a.op() == Op.TRY ? "a retried writeLock().tryLock()" : "the write lock";
                String msg = how + " of " + a.ref().id().display() + " is requested" + Evidence.through(o) + " while this path holds its read lock ("
                        + "acquired " + Evidence.where(read) + "): ReentrantReadWriteLock cannot upgrade, so the thread waits for "
                        + "itself forever and the JVM deadlock detector sees nothing. "
                        + "Fix: release the read lock first, then take the write lock and re-check the state.";
                sink.report(ruleId(), Severity.ERROR, b.body(), o.node(), capitalise(msg), a.ref().id(), Evidence.trace(b.body(), read, o));
            }
        }
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
