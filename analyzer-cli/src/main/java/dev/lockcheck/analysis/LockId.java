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
 */
public record LockId(String owner, String ownerName, String name, ObjKind kind) {
    /** e.g. {@code Cache.lock}: what messages show. */
    public String display() {
        return ownerName + "." + name;
    }

    /** e.g. {@code acme.Cache.lock}: the JSON {@code lock} field. */
    public String qualified() {
        return owner + "." + name;
    }

    public boolean isStamped() {
        return kind == ObjKind.STAMPED;
    }

}
