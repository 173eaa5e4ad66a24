package dev.lockcheck.analysis;

import dev.lockcheck.analysis.knowledge.LockApis.ObjKind;

/**
 * A lock's identity: the field (or local) that holds it, with its declaring class. The read and
 * write views of one ReentrantReadWriteLock share one id; so do a StampedLock and its views.
 *
 * @param owner     qualified name of the declaring class
 * @param ownerName simple name of the declaring class
 * @param name      field name, or {@code method.var} for a local
 * @param kind      what kind of lock object it is
 * @param param     for a parameter of a method or constructor ({@code lock(Lock l)}), its index: a
 *                  placeholder a caller replaces with the lock of its argument ({@link Substitution});
 *                  -1 otherwise
 */
public record LockId(String owner, String ownerName, String name, ObjKind kind, int param) {
    public LockId(String owner, String ownerName, String name, ObjKind kind) {
        this(owner, ownerName, name, kind, -1);
    }

    public boolean isParameter() {
        return param >= 0;
    }

    /**
     * e.g. {@code Cache.lock}: what messages show. A local or parameter ({@code method.var@line}
     * inside, the line telling two same-named locals apart) shows as {@code Cache.method.var}; a
     * constructor's parameter, which the constructor keeps in a field, as {@code Cache.var}.
     */
    public String display() {
        int at = name.lastIndexOf('@');
        if (at < 0) return ownerName + "." + name;
        String local = name.substring(0, at);
        if (isParameter() && local.startsWith(ownerName + ".")) local = local.substring(ownerName.length() + 1);
        return ownerName + "." + local;
    }

    /** e.g. {@code acme.Cache.lock}: the JSON {@code lock} field. */
    public String qualified() {
        return owner + "." + name;
    }

    public boolean isStamped() {
        return kind == ObjKind.STAMPED;
    }

}
