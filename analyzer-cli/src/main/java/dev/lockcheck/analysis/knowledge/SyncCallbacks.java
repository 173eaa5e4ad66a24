package dev.lockcheck.analysis.knowledge;

import java.util.Set;

/**
 * Methods that run a lambda argument on the calling thread before they return, so the lambda
 * body runs under whatever the caller holds: {@code items.forEach(i -> queue.put(i))} under a read
 * lock is a handoff under that lock. A lambda given to any other method (an executor, a listener
 * registry, a CompletableFuture stage) is a body of its own that starts holding nothing.
 */
public final class SyncCallbacks {
    private static final Set<String> METHODS = Set.of(
            "forEach", "forEachOrdered", "forEachRemaining", "removeIf", "replaceAll",
            "compute", "computeIfAbsent", "computeIfPresent", "merge",
            "ifPresent", "ifPresentOrElse", "orElseGet", "orElseThrow",
            "map", "mapToInt", "mapToLong", "mapToObj", "flatMap", "filter", "peek",
            "anyMatch", "allMatch", "noneMatch", "reduce", "collect", "sort", "sorted", "min", "max");

    private SyncCallbacks() {
    }

    public static boolean runsArgumentInline(String method) {
        return METHODS.contains(method);
    }
}
