package dev.lockcheck.analysis;

import com.github.javaparser.ast.Node;
import dev.lockcheck.analysis.knowledge.Handoffs;
import dev.lockcheck.analysis.knowledge.LockApis;
import dev.lockcheck.model.LockMode;
import dev.lockcheck.report.TraceStep;
import java.util.List;
import java.util.Set;

/**
 * What the held-lock flow saw at one point of a body: the facts the checks read. {@code node} is
 * the primary location in this body (the operation itself, or the call leading to it); {@code via}
 * is the evidence below it, ending at the real operation; {@code held} the locks this body holds
 * there (for an event inside a callee: minus the ones the callee released first).
 */
public sealed interface Obs {
    Node node();

    List<Held> held();

    /** Direct: the operation is in this body. Otherwise it is reached through the call at {@code node}. */
    default boolean direct() {
        return via().size() == 1;
    }

    List<TraceStep> via();

    /**
     * A lock acquisition (any form). {@code inLoop}: inside a loop of the body that performs it;
     * {@code instance}: the object whose lock it is, as seen from this body (see {@link Held#instance()}).
     */
    record Acquire(List<Held> held, LockRef ref, LockApis.Op op, boolean inLoop, Node node, List<TraceStep> via,
                   Set<LockId> releasedBefore, String instance, boolean unlessHeld) implements Obs {
        Acquire(List<Held> held, LockRef ref, LockApis.Op op, boolean inLoop, Node node, List<TraceStep> via,
                Set<LockId> releasedBefore, String instance) {
            this(held, ref, op, inLoop, node, via, releasedBefore, instance, false);
        }
    }

    /**
     * A blocking handoff. {@code conditionOf}: for Condition.await, the lock the condition belongs
     * to. {@code origin}: the handoff call itself (in the callee's file when reached through calls),
     * where LC001 looks for the code that completes it.
     */
    record Block(List<Held> held, Handoffs.Row handoff, String receiverType, LockId conditionOf, Node node,
                 List<TraceStep> via, Set<LockId> releasedBefore, Node origin) implements Obs {
    }

    /**
     * A release. {@code anyMode}: StampedLock.unlock(stamp) or tryConvertToOptimisticRead with an
     * unknown stamp; {@code stampMode}: the mode the released stamp was obtained in, when known.
     */
    record Release(List<Held> held, LockRef ref, boolean anyMode, LockMode stampMode, Node node, List<TraceStep> via)
            implements Obs {
    }

    /**
     * A functional parameter of this body (index {@code param}) invoked here ({@code body.run()})
     * while {@code held} is held: the lambda a caller gives in that position runs under those
     * locks ({@code withRead(() -> ...)}). Kept in summaries only; callers walk their lambda.
     */
    record Invoke(List<Held> held, int param, Node node, List<TraceStep> via) implements Obs {
    }

    /** A lock acquired here may not be released: {@code reason} says on which path. */
    record Unsafe(List<Held> held, Held lock, String reason, Node node, List<TraceStep> via) implements Obs {
    }
}
