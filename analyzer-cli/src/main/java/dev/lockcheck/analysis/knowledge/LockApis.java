package dev.lockcheck.analysis.knowledge;

import dev.lockcheck.model.LockMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What each lock method does. Two receiver families: a {@code Lock} view (ReentrantLock, an RRWL
 * read or write view, a StampedLock asReadLock/asWriteLock view) and a {@code StampedLock} itself.
 */
public final class LockApis {
    public enum Family { LOCK_VIEW, STAMPED }

    public enum Op {
        /** Blocks until acquired. */
        ACQUIRE,
        /** Returns at once; acquired only if it returns true (or a non-zero stamp). */
        TRY,
        /** Waits at most a timeout; acquired only if it returns true (or a non-zero stamp). */
        TIMED_TRY,
        RELEASE,
        /** StampedLock.tryConvertTo*: may change the mode of the given stamp, never blocks. */
        CONVERT
    }

    /**
     * @param mode for STAMPED rows, the mode acquired, released or converted to (null: given by the stamp)
     */
    public record Row(Family family, String method, int arity, Op op, LockMode mode) {
    }

    private static final List<Row> ROWS = new ArrayList<>();

    static {
        row(Family.LOCK_VIEW, "lock", 0, Op.ACQUIRE, null);
        row(Family.LOCK_VIEW, "lockInterruptibly", 0, Op.ACQUIRE, null);
        row(Family.LOCK_VIEW, "tryLock", 0, Op.TRY, null);
        row(Family.LOCK_VIEW, "tryLock", 2, Op.TIMED_TRY, null);
        row(Family.LOCK_VIEW, "unlock", 0, Op.RELEASE, null);

        row(Family.STAMPED, "readLock", 0, Op.ACQUIRE, LockMode.STAMP_READ);
        row(Family.STAMPED, "readLockInterruptibly", 0, Op.ACQUIRE, LockMode.STAMP_READ);
        row(Family.STAMPED, "writeLock", 0, Op.ACQUIRE, LockMode.STAMP_WRITE);
        row(Family.STAMPED, "writeLockInterruptibly", 0, Op.ACQUIRE, LockMode.STAMP_WRITE);
        row(Family.STAMPED, "tryReadLock", 0, Op.TRY, LockMode.STAMP_READ);
        row(Family.STAMPED, "tryReadLock", 2, Op.TIMED_TRY, LockMode.STAMP_READ);
        row(Family.STAMPED, "tryWriteLock", 0, Op.TRY, LockMode.STAMP_WRITE);
        row(Family.STAMPED, "tryWriteLock", 2, Op.TIMED_TRY, LockMode.STAMP_WRITE);
        row(Family.STAMPED, "unlockRead", 1, Op.RELEASE, LockMode.STAMP_READ);
        row(Family.STAMPED, "unlockWrite", 1, Op.RELEASE, LockMode.STAMP_WRITE);
        row(Family.STAMPED, "unlock", 1, Op.RELEASE, null);
        row(Family.STAMPED, "tryUnlockRead", 0, Op.RELEASE, LockMode.STAMP_READ);
        row(Family.STAMPED, "tryUnlockWrite", 0, Op.RELEASE, LockMode.STAMP_WRITE);
        row(Family.STAMPED, "tryConvertToWriteLock", 1, Op.CONVERT, LockMode.STAMP_WRITE);
        row(Family.STAMPED, "tryConvertToReadLock", 1, Op.CONVERT, LockMode.STAMP_READ);
        row(Family.STAMPED, "tryConvertToOptimisticRead", 1, Op.RELEASE, null);
    }

    private LockApis() {
    }

    private static void row(Family f, String method, int arity, Op op, LockMode mode) {
        ROWS.add(new Row(f, method, arity, op, mode));
    }

    public static Row match(Family family, String method, int arity) {
        for (Row r : ROWS) {
            if (r.family == family && r.method.equals(method) && r.arity == arity) return r;
        }
        return null;
    }

    /** Type simple names that hold a lock object, and what kind of object. */
    public enum ObjKind { RW, STAMPED, EXCLUSIVE, READ_VIEW, WRITE_VIEW }

    public static ObjKind objKind(String simpleType) {
        if (simpleType == null) return null;
        return switch (simpleType) {
            case "ReentrantReadWriteLock", "ReadWriteLock" -> ObjKind.RW;
            case "StampedLock" -> ObjKind.STAMPED;
            case "Lock", "ReentrantLock" -> ObjKind.EXCLUSIVE;
            case "ReadLock" -> ObjKind.READ_VIEW;
            case "WriteLock" -> ObjKind.WRITE_VIEW;
            default -> null;
        };
    }
}
