package dev.lockcheck.analysis;

import dev.lockcheck.analysis.knowledge.LockApis.ObjKind;

/** What an expression denotes: a lock object (an RRWL, a StampedLock, a ReentrantLock) or one mode's view of it. */
sealed interface LockVal {
    /** A lock object. {@code stampedRw} marks a StampedLock's asReadWriteLock() view. */
    record Obj(LockId id, boolean stampedRw) implements LockVal {
        ObjKind kind() {
            return id.kind();
        }
    }

    /** A Lock that acquires {@code ref} when locked. */
    record View(LockRef ref) implements LockVal {
    }
}
