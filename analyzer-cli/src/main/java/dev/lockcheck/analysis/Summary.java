package dev.lockcheck.analysis;

import java.util.List;
import java.util.Set;

/**
 * What a method does to locks, as seen by a caller: the acquisitions and blocking handoffs it
 * performs (directly or through its callees), the locks it still holds when it returns normally,
 * the locks it releases without having acquired them (the caller's holds), and the types of
 * sources not parsed yet whose methods it calls ({@code frontier}: what the prefilter must parse
 * next if this method runs under a lock).
 */
public record Summary(List<Obs> events, List<Held> exitHeld, Set<LockId> releases, Set<String> frontier) {
    public static final Summary EMPTY = new Summary(List.of(), List.of(), Set.of(), Set.of());
}
