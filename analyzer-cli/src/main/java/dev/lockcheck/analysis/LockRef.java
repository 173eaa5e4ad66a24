package dev.lockcheck.analysis;

import dev.lockcheck.model.LockMode;

/** A lock in one mode: {@code rw.readLock()} is (rw, READ); {@code sl.asWriteLock()} is (sl, STAMP_WRITE). */
public record LockRef(LockId id, LockMode mode) {
    public String describe() {
        return mode.describe() + " " + id.display();
    }
}
