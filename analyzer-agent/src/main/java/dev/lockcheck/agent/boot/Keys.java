package dev.lockcheck.agent.boot;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * Lock identity and mode of a {@code Lock} object. A ReentrantReadWriteLock's two views share their
 * {@code sync}, which is the key of the lock; a StampedLock's views key on the StampedLock. The
 * private fields are read through VarHandles (the agent opens java.util.concurrent.locks to this
 * module before the first use); if that fails the view itself is the key.
 */
public final class Keys {
    private static final VarHandle READ_SYNC = handle(ReentrantReadWriteLock.ReadLock.class, "sync");
    private static final VarHandle WRITE_SYNC = handle(ReentrantReadWriteLock.WriteLock.class, "sync");
    private static final VarHandle RL_SYNC = handle(ReentrantLock.class, "sync");
    private static final Class<?> SL_READ_VIEW = find("java.util.concurrent.locks.StampedLock$ReadLockView");
    private static final Class<?> SL_WRITE_VIEW = find("java.util.concurrent.locks.StampedLock$WriteLockView");
    private static final VarHandle SL_READ_OWNER = SL_READ_VIEW == null ? null : handle(SL_READ_VIEW, "this$0");
    private static final VarHandle SL_WRITE_OWNER = SL_WRITE_VIEW == null ? null : handle(SL_WRITE_VIEW, "this$0");

    private Keys() {
    }

    /** True when the private fields could be read: views of one lock share one key. */
    public static boolean precise() {
        return READ_SYNC != null && WRITE_SYNC != null;
    }

    /** The mode a {@code Lock.lock()} on this object asks for; -1 for locks we do not model. */
    public static int mode(Object lock) {
        if (lock instanceof ReentrantReadWriteLock.ReadLock) return Hooks.READ;
        if (lock instanceof ReentrantReadWriteLock.WriteLock) return Hooks.WRITE;
        if (lock instanceof ReentrantLock) return Hooks.EXCLUSIVE;
        Class<?> c = lock.getClass();
        if (c == SL_READ_VIEW) return Hooks.STAMP_READ;
        if (c == SL_WRITE_VIEW) return Hooks.STAMP_WRITE;
        return Hooks.EXCLUSIVE;
    }

    /** The object that names the lock for every view of it. */
    public static Object key(Object lock, int mode) {
        switch (mode) {
            case Hooks.READ:
                return READ_SYNC == null ? lock : (Object) READ_SYNC.get((ReentrantReadWriteLock.ReadLock) lock);
            case Hooks.WRITE:
                return WRITE_SYNC == null ? lock : (Object) WRITE_SYNC.get((ReentrantReadWriteLock.WriteLock) lock);
            case Hooks.STAMP_READ:
                return lock instanceof StampedLock || SL_READ_OWNER == null ? lock : SL_READ_OWNER.get(lock);
            case Hooks.STAMP_WRITE:
                return lock instanceof StampedLock || SL_WRITE_OWNER == null ? lock : SL_WRITE_OWNER.get(lock);
            default:
                return lock;
        }
    }

    /** {@link #key} of a read view. */
    static Object readKey(ReentrantReadWriteLock.ReadLock lock) {
        return READ_SYNC == null ? lock : (Object) READ_SYNC.get(lock);
    }

    /** {@link #key} of a write view. */
    static Object writeKey(ReentrantReadWriteLock.WriteLock lock) {
        return WRITE_SYNC == null ? lock : (Object) WRITE_SYNC.get(lock);
    }

    /** The synchronizer a ReentrantLock parks its waiters on (what the JVM names as the lock), else null. */
    public static Object syncOf(Object key) {
        if (key instanceof ReentrantLock && RL_SYNC != null) return RL_SYNC.get((ReentrantLock) key);
        return null;
    }

    /** Key of a freshly allocated lock object (RRWL: its sync, through the read view). */
    public static Object keyOfNew(Object lock) {
        if (lock instanceof ReentrantReadWriteLock) return key(((ReentrantReadWriteLock) lock).readLock(), Hooks.READ);
        return lock;
    }

    private static VarHandle handle(Class<?> c, String field) {
        try {
            return MethodHandles.privateLookupIn(c, MethodHandles.lookup())
                    .findVarHandle(c, field, c.getDeclaredField(field).getType());
        } catch (Throwable t) {
            return null;
        }
    }

    private static Class<?> find(String name) {
        try {
            return Class.forName(name, false, null);
        } catch (Throwable t) {
            return null;
        }
    }
}
