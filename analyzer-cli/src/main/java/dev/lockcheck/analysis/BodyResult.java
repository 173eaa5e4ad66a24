package dev.lockcheck.analysis;

import java.util.List;
import java.util.Set;

/**
 * The facts of one body: the observations the checks read (direct ones, and those reached through
 * calls while this body holds a lock), the locks it releases anywhere, and its summary for callers.
 */
public record BodyResult(Body body, List<Obs> obs, Set<LockId> releasedAnywhere, Summary summary) {
}
