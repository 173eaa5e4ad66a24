package dev.lockcheck.analysis.checks;

import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.lockcheck.analysis.BodyResult;
import dev.lockcheck.analysis.FindingSink;
import dev.lockcheck.analysis.Held;
import dev.lockcheck.analysis.Obs;
import dev.lockcheck.analysis.ProjectFacts;
import dev.lockcheck.analysis.Resolver;
import dev.lockcheck.analysis.StaticCheck;
import dev.lockcheck.analysis.Summary;
import dev.lockcheck.analysis.knowledge.LockApis.Op;
import dev.lockcheck.analysis.knowledge.Tasks;
import dev.lockcheck.report.TraceStep;
import dev.lockcheck.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * LC008: while holding lock L the code waits (Future.get/join, CompletableFuture.join,
 * Thread.join) for a task or thread it started, and the task's body acquires L in a conflicting
 * mode (one side exclusive: write, lock, monitor, write stamp). The task can never get L, so the
 * wait never ends. Read-read is LC001's case (a handoff under a read lock with a writer).
 */
final class WaitOnTaskNeedingHeldLock implements StaticCheck {
    @Override
    public String ruleId() {
        return "LC008";
    }

    @Override
    public void check(ProjectFacts project, FindingSink sink) {
        for (BodyResult b : project.bodies()) {
            for (Obs o : b.obs()) {
                if (!(o instanceof Obs.Block block) || !o.direct() || o.held().isEmpty()) continue;
                if (!Tasks.waitsForTask(block.handoff())) continue;
                if (!(o.node() instanceof MethodCallExpr wait) || wait.getScope().isEmpty()) continue;
                Tasks.Start start = Tasks.startOf(wait.getScope().get(), project.resolver());
                if (start == null) continue;
                Summary task = project.taskSummary(start.task());
                if (task == null) continue;
                for (Obs e : task.events()) {
                    if (!(e instanceof Obs.Acquire a) || a.op() != Op.ACQUIRE) continue;
                    Held held = conflicting(o.held(), a, start);
                    if (held == null) continue;
                    List<TraceStep> trace = new ArrayList<>();
                    trace.add(Evidence.acquired(b.body(), held));
                    trace.add(new TraceStep(b.body().file().source().relPath(), line(start.site()), "starts the task here"));
                    for (TraceStep t : a.via()) trace.add(new TraceStep(t.file(), t.line(), "in the task: " + t.note(), t.evidence()));
                    trace.add(block.via().get(0));
                    String msg = ReadToWriteUpgrade.capitalise(Evidence.operation(o)) + " waits for the task started at line "
                            + line(start.site()) + ", whose body acquires " + a.ref().describe() + " (" + Evidence.at(a.via().get(a.via().size() - 1))
                            + "), while this thread holds its " + held.ref().mode().describe() + " (acquired " + Evidence.where(held)
                            + "): the task can never get the lock, so the wait never ends. "
                            + "Fix: release the lock before waiting for the task, or do the locked work before starting it.";
                    sink.report(ruleId(), Severity.ERROR, b.body(), o.node(), msg, a.ref().id(), trace);
                    break;
                }
            }
        }
    }

    /** The hold the task's acquisition conflicts with: same lock, same object, one side exclusive. */
    private static Held conflicting(List<Held> held, Obs.Acquire a, Tasks.Start start) {
        String inst = start.instanceOf(a.instance());
        for (Held h : held) {
            if (!h.ref().id().equals(a.ref().id())) continue;
            if (h.ref().mode().isShared() && a.ref().mode().isShared()) continue;
            if (h.sameInstance(inst)) return h;
        }
        return null;
    }

    private static int line(com.github.javaparser.ast.Node n) {
        return n.getBegin().map(p -> p.line).orElse(0);
    }
}
