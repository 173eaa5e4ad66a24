package dev.lockcheck.analysis.knowledge;

import dev.lockcheck.model.LockMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Library types that take a lock for their caller and hand back something whose {@code close()}
 * releases it, so that a tree that only uses them is understood:
 * {@code try (AutoCloseableLock l = readLock.acquire()) {...}} holds the read lock for the block.
 *
 * <p>Two kinds of rows. A <em>handle</em> type is itself a lock (its identity is the lock given
 * to its constructor, or its own when none is): its methods acquire, try or release it, like a
 * {@code Lock}. A <em>manager</em> method acquires one lock of a family the manager keeps (one lock
 * per key; the family is named by the manager type and the constant first argument when there is
 * one, the key by the other arguments) in a fixed mode and returns a handle holding it.
 */
public final class LockHandles {
    /** A method of a handle type: what it does to the handle's lock. */
    public record HandleRow(String type, String method, int arity, LockApis.Op op) {
    }

    /**
     * A method of a lock manager returning a handle that holds one lock of its family.
     * {@code arity} -1: any number of arguments. {@code parent}: a family whose lock (in read mode,
     * keyed by the first key argument) the manager takes first for any other family, as HDFS's
     * volume locks take their block pool's read lock; null if none.
     */
    public record ManagerRow(String type, String method, int arity, LockMode mode, String parent) {
    }

    private static final List<HandleRow> HANDLES = new ArrayList<>();
    private static final List<ManagerRow> MANAGERS = new ArrayList<>();

    /** Handle types whose constructor's one {@code Lock} argument is the lock they take. */
    private static final Set<String> WRAPPERS = Set.of("AutoCloseableLock", "AutoCloseDataSetLock");

    static {
        // org.apache.hadoop.util.AutoCloseableLock: new AutoCloseableLock(lock) / new AutoCloseableLock()
        handle("AutoCloseableLock", "acquire", 0, LockApis.Op.ACQUIRE);
        handle("AutoCloseableLock", "tryLock", 0, LockApis.Op.TRY);
        handle("AutoCloseableLock", "release", 0, LockApis.Op.RELEASE);
        handle("AutoCloseableLock", "close", 0, LockApis.Op.RELEASE);
        // org.apache.hadoop.hdfs.server.common.AutoCloseDataSetLock (extends AutoCloseableLock)
        handle("AutoCloseDataSetLock", "lock", 0, LockApis.Op.ACQUIRE);
        handle("AutoCloseDataSetLock", "close", 0, LockApis.Op.RELEASE);
        // com.google.common.util.concurrent.Monitor: enter ... leave, like a ReentrantLock
        handle("Monitor", "enter", 0, LockApis.Op.ACQUIRE);
        handle("Monitor", "enterInterruptibly", 0, LockApis.Op.ACQUIRE);
        handle("Monitor", "enterWhen", 1, LockApis.Op.ACQUIRE);
        handle("Monitor", "enterWhenUninterruptibly", 1, LockApis.Op.ACQUIRE);
        handle("Monitor", "tryEnter", 0, LockApis.Op.TRY);
        handle("Monitor", "enter", 2, LockApis.Op.TIMED_TRY);
        handle("Monitor", "enterIf", 1, LockApis.Op.TRY);
        handle("Monitor", "tryEnterIf", 1, LockApis.Op.TRY);
        handle("Monitor", "leave", 0, LockApis.Op.RELEASE);

        // org.apache.hadoop.hdfs.server.common.DataNodeLockManager: readLock(level, resources...)
        // and writeLock(level, resources...) return an AutoCloseDataSetLock holding that lock
        // (a VOLUME lock is taken under its block pool's read lock: DataSetLockManager.readLock)
        manager("DataNodeLockManager", "readLock", -1, LockMode.READ, "BLOCK_POOl");
        manager("DataNodeLockManager", "writeLock", -1, LockMode.WRITE, "BLOCK_POOl");
    }

    private LockHandles() {
    }

    private static void handle(String type, String method, int arity, LockApis.Op op) {
        HANDLES.add(new HandleRow(type, method, arity, op));
    }

    private static void manager(String type, String method, int arity, LockMode mode, String parent) {
        MANAGERS.add(new ManagerRow(type, method, arity, mode, parent));
    }

    /** Whether a type (simple name) is a handle type of the table. */
    public static boolean isHandleType(String simpleType) {
        if (simpleType == null) return false;
        for (HandleRow r : HANDLES) if (r.type.equals(simpleType)) return true;
        return false;
    }

    /**
     * Whether a table type name is a library's own (so distinctive that a class of that name in the
     * sources is that library's class or one extending it), rather than a common word like Monitor.
     */
    public static boolean isLibraryName(String simpleType) {
        return WRAPPERS.contains(simpleType);
    }

    /** Whether {@code new T(lock)} of this handle type takes the given lock rather than one of its own. */
    public static boolean wrapsArgument(String simpleType) {
        return WRAPPERS.contains(simpleType);
    }

    /** The row of a call on a receiver whose type or one of its supertypes is {@code types}, or null. */
    public static HandleRow handle(Set<String> types, String method, int arity) {
        for (HandleRow r : HANDLES) {
            if (r.method.equals(method) && r.arity == arity && types.contains(r.type)) return r;
        }
        return null;
    }

    /** Whether some handle row has this method name: a quick test before resolving the receiver's type. */
    public static boolean isHandleMethod(String method) {
        for (HandleRow r : HANDLES) if (r.method.equals(method)) return true;
        return false;
    }

    public static ManagerRow manager(Set<String> types, String method, int arity) {
        for (ManagerRow r : MANAGERS) {
            if (r.method.equals(method) && (r.arity < 0 || r.arity == arity) && types.contains(r.type)) return r;
        }
        return null;
    }

    public static boolean isManagerMethod(String method) {
        for (ManagerRow r : MANAGERS) if (r.method.equals(method)) return true;
        return false;
    }
}
