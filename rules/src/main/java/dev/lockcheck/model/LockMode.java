package dev.lockcheck.model;

/**
 * How a lock is held. Shared by the static checker and the agent (lockdep's typed edges).
 * A ReentrantReadWriteLock's read and write views are one lock in two modes; a StampedLock's
 * asReadLock/asWriteLock views are its STAMP_READ/STAMP_WRITE modes.
 */
public enum LockMode {
    /** ReentrantReadWriteLock read view. */
    READ,
    /** ReentrantReadWriteLock write view. */
    WRITE,
    /** ReentrantLock or any other exclusive {@code Lock}. */
    EXCLUSIVE,
    /** StampedLock read stamp (not reentrant). */
    STAMP_READ,
    /** StampedLock write stamp (not reentrant). */
    STAMP_WRITE,
    /** {@code synchronized} monitor. */
    MONITOR;

    /** Shared modes let other readers in; they are the ones a queued writer turns into a trap. */
    public boolean isShared() {
        return this == READ || this == STAMP_READ;
    }

    public boolean isStamped() {
        return this == STAMP_READ || this == STAMP_WRITE;
    }

    /** Modes that exclude every other holder of the same lock. */
    public boolean isExclusive() {
        return !isShared();
    }

    /** The word used in messages: "read lock", "write lock", "lock", "monitor". */
    public String describe() {
        return switch (this) {
            case READ -> "read lock";
            case WRITE -> "write lock";
            case EXCLUSIVE -> "lock";
            case STAMP_READ -> "read stamp";
            case STAMP_WRITE -> "write stamp";
            case MONITOR -> "monitor";
        };
    }
}
