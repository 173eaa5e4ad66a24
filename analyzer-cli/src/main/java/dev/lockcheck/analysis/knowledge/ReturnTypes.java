package dev.lockcheck.analysis.knowledge;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Return types of JDK calls whose result is then waited on or locked, so that
 * {@code executor.submit(task).get()} or {@code Executors.newFixedThreadPool(2)} have a type.
 * Rows are keyed by the receiver type (or its supertypes) and method name; "*" matches any receiver.
 */
public final class ReturnTypes {
    private static final Map<String, String> ROWS = new HashMap<>();

    static {
        row("ExecutorService", "submit", "Future");
        row("ScheduledExecutorService", "schedule", "ScheduledFuture");
        row("ScheduledExecutorService", "scheduleAtFixedRate", "ScheduledFuture");
        row("ScheduledExecutorService", "scheduleWithFixedDelay", "ScheduledFuture");
        row("ForkJoinPool", "submit", "ForkJoinTask");
        row("ForkJoinTask", "fork", "ForkJoinTask");
        row("Executors", "newFixedThreadPool", "ExecutorService");
        row("Executors", "newCachedThreadPool", "ExecutorService");
        row("Executors", "newSingleThreadExecutor", "ExecutorService");
        row("Executors", "newWorkStealingPool", "ExecutorService");
        row("Executors", "newVirtualThreadPerTaskExecutor", "ExecutorService");
        row("Executors", "newThreadPerTaskExecutor", "ExecutorService");
        row("Executors", "newScheduledThreadPool", "ScheduledExecutorService");
        row("Executors", "newSingleThreadScheduledExecutor", "ScheduledExecutorService");
        row("ForkJoinPool", "commonPool", "ForkJoinPool");
        row("CompletableFuture", "supplyAsync", "CompletableFuture");
        row("CompletableFuture", "runAsync", "CompletableFuture");
        row("CompletableFuture", "completedFuture", "CompletableFuture");
        row("CompletableFuture", "allOf", "CompletableFuture");
        row("CompletableFuture", "anyOf", "CompletableFuture");
        for (String m : Set.of("thenApply", "thenApplyAsync", "thenAccept", "thenAcceptAsync", "thenRun", "thenRunAsync",
                "thenCompose", "thenComposeAsync", "thenCombine", "thenCombineAsync", "whenComplete", "whenCompleteAsync",
                "handle", "handleAsync", "exceptionally", "orTimeout", "completeOnTimeout", "toCompletableFuture")) {
            row("CompletableFuture", m, "CompletableFuture");
        }
        row("List", "of", "List");
        row("List", "copyOf", "List");
        row("Set", "of", "Set");
        row("Set", "copyOf", "Set");
        row("Arrays", "asList", "List");
        row("Collections", "emptyList", "List");
        row("Collections", "singletonList", "List");
        row("Collections", "unmodifiableList", "List");
        row("Thread", "currentThread", "Thread");
        row("Lock", "newCondition", "Condition");
        row("ReentrantReadWriteLock", "readLock", "ReadLock");
        row("ReentrantReadWriteLock", "writeLock", "WriteLock");
        row("ReadWriteLock", "readLock", "Lock");
        row("ReadWriteLock", "writeLock", "Lock");
        row("StampedLock", "asReadLock", "Lock");
        row("StampedLock", "asWriteLock", "Lock");
        row("StampedLock", "asReadWriteLock", "ReadWriteLock");
    }

    private ReturnTypes() {
    }

    private static void row(String type, String method, String returns) {
        ROWS.put(type + "#" + method, returns);
    }

    /** The return type of {@code method} called on a receiver of {@code receiverTypes}, or null. */
    public static String of(Iterable<String> receiverTypes, String method) {
        for (String t : receiverTypes) {
            String r = ROWS.get(t + "#" + method);
            if (r != null) return r;
        }
        return null;
    }
}
