package dev.lockcheck.agent;

import dev.lockcheck.model.LockMode;
import java.util.Map;
import java.util.WeakHashMap;

/** Human names for locks (field or allocation site) and handoff objects. */
final class Names {
    private static final Map<Object, Integer> ALLOCATED = new WeakHashMap<>();

    private Names() {
    }

    static void allocated(Object key, int site) {
        synchronized (ALLOCATED) {
            ALLOCATED.put(key, site);
        }
    }

    static Sites.Site allocation(Object key) {
        Integer s;
        synchronized (ALLOCATED) {
            s = ALLOCATED.get(key);
        }
        return s == null ? null : Sites.get(s);
    }

    /**
     * {@code lockcheck.samples.runtime.SeedHang.lock} (the field it was stored in), or
     * {@code new ReentrantLock() at Ledger.java:12} (its allocation site), or type@hash.
     */
    static String lock(Object key) {
        Sites.Site a = allocation(key);
        if (a != null && a.field() != null) return a.field();
        String type = type(key);
        if (a != null) return "new " + type + "() at " + a.shortPlace();
        return type + "@" + Integer.toHexString(System.identityHashCode(key));
    }

    /** The lock's class in lockdep's sense: its field or allocation site, else its type (instances merged). */
    static String lockClass(Object key) {
        Sites.Site a = allocation(key);
        if (a != null && a.field() != null) return a.field();
        if (a != null) return "new " + type(key) + "() at " + a.shortPlace();
        return key.getClass().getName();
    }

    /** Short name for the text report: the field's simple form, or type@hash. */
    static String shortLock(Object key) {
        Sites.Site a = allocation(key);
        if (a != null && a.field() != null) {
            String f = a.field();
            int dot = f.lastIndexOf('.', f.lastIndexOf('.') - 1);
            return f.substring(dot + 1);
        }
        if (a != null) return "new " + type(key) + "() at " + a.shortPlace();
        return type(key) + "@" + Integer.toHexString(System.identityHashCode(key));
    }

    static String type(Object key) {
        String n = key.getClass().getName();
        if (n.startsWith("java.util.concurrent.locks.ReentrantReadWriteLock$")) return "ReentrantReadWriteLock";
        if (n.startsWith("java.util.concurrent.locks.ReentrantLock$")) return "ReentrantLock";
        int dot = n.lastIndexOf('.');
        return n.substring(dot + 1);
    }

    /** {@code SynchronousQueue SeedHang.queue}, or type@hash when the allocation was not seen. */
    static String handoff(Object h) {
        if (h instanceof Thread t) return "Thread \"" + t.getName() + "\"";
        Sites.Site a = allocation(h);
        String type = h.getClass().getSimpleName();
        if (a != null && a.field() != null) {
            String f = a.field();
            return type + " " + f.substring(f.lastIndexOf('.', f.lastIndexOf('.') - 1) + 1);
        }
        return type + "@" + Integer.toHexString(System.identityHashCode(h));
    }

    static LockMode mode(int m) {
        return LockMode.values()[m];
    }

    /** lockdep-style verb: rlock(L), lock(L.write), sync(Q). */
    static String op(int mode, String lock) {
        return switch (mode(mode)) {
            case READ -> "rlock(" + lock + ")";
            case WRITE -> "lock(" + lock + ".write)";
            case STAMP_READ -> "readLock(" + lock + ")";
            case STAMP_WRITE -> "writeLock(" + lock + ")";
            case MONITOR -> "synchronized(" + lock + ")";
            case EXCLUSIVE -> "lock(" + lock + ")";
        };
    }

    static String frame(int site) {
        Sites.Site s = Sites.get(site);
        return s == null ? "unknown site" : s.frame();
    }
}
