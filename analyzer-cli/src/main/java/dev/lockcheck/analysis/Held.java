package dev.lockcheck.analysis;

import com.github.javaparser.ast.Node;
import dev.lockcheck.analysis.knowledge.LockApis;

/**
 * A lock held at a point of a body.
 *
 * @param ref        the lock and mode
 * @param acquiredAt the acquisition (or the call that handed the lock back held)
 * @param op         ACQUIRE (blocking) or TRY / TIMED_TRY (held on the success branch)
 * @param instance   the object whose field the lock is ({@link Resolver#instanceOf}): "this",
 *                   "this.db", a local, "" for a static lock, null when unknown
 */
public record Held(LockRef ref, Node acquiredAt, LockApis.Op op, String instance) {
    /** Whether this hold and another acquisition are provably of the same lock object. */
    public boolean sameInstance(String otherInstance) {
        return instance != null && instance.equals(otherInstance);
    }

    public int line() {
        return acquiredAt.getBegin().map(p -> p.line).orElse(0);
    }
}
