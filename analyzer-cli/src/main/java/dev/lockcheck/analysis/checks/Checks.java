package dev.lockcheck.analysis.checks;

import dev.lockcheck.analysis.StaticCheck;
import java.util.List;

/** Every static check, in rule-id order. A new rule is one class and one line here. */
public final class Checks {
    private static final List<StaticCheck> ALL = List.of(
            new ReadLockAcrossHandoff(),
            new ReadToWriteUpgrade(),
            new NonReentrantReacquire(),
            new NestedReadReacquire(),
            new UnsafeLockRelease(),
            new MismatchedUnlock(),
            new LockOrderInversion(),
            new WaitOnTaskNeedingHeldLock(),
            new TryLockPollingLoop(),
            new UnsafeDistributedLock(),
            new RecursiveCacheLoad());

    private Checks() {
    }

    public static List<StaticCheck> all() {
        return ALL;
    }

    /**
     * The checks that must run one after another on one thread: they keep what they learn about a
     * tree (the calls of a region, the row of a call) on its nodes. Every other check only reads
     * and may run beside them.
     */
    public static boolean sharesTreeMemos(StaticCheck c) {
        return c instanceof TryLockPollingLoop || c instanceof UnsafeDistributedLock || c instanceof RecursiveCacheLoad;
    }
}
