package dev.lockcheck.analysis.knowledge;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JDK (and common library) subtype facts the checker needs, by simple name: a receiver
 * declared as {@code LinkedBlockingQueue} is a {@code BlockingQueue}. One row a type.
 */
public final class JdkTypes {
    private static final Map<String, List<String>> DIRECT = new HashMap<>();

    static {
        row("BlockingQueue", "Queue");
        row("BlockingDeque", "BlockingQueue", "Deque");
        row("TransferQueue", "BlockingQueue");
        row("SynchronousQueue", "BlockingQueue");
        row("ArrayBlockingQueue", "BlockingQueue");
        row("LinkedBlockingQueue", "BlockingQueue");
        row("PriorityBlockingQueue", "BlockingQueue");
        row("DelayQueue", "BlockingQueue");
        row("DelayedWorkQueue", "BlockingQueue");
        row("LinkedBlockingDeque", "BlockingDeque");
        row("LinkedTransferQueue", "TransferQueue");

        row("RunnableFuture", "Future", "Runnable");
        row("FutureTask", "RunnableFuture");
        row("ScheduledFuture", "Future", "Delayed");
        row("RunnableScheduledFuture", "RunnableFuture", "ScheduledFuture");
        row("CompletableFuture", "Future", "CompletionStage");
        row("ForkJoinTask", "Future");
        row("RecursiveTask", "ForkJoinTask");
        row("RecursiveAction", "ForkJoinTask");
        row("CountedCompleter", "ForkJoinTask");
        row("ListenableFuture", "Future");
        row("ListenableFutureTask", "FutureTask", "ListenableFuture");
        row("SettableFuture", "ListenableFuture");

        row("ExecutorService", "Executor");
        row("ScheduledExecutorService", "ExecutorService");
        row("AbstractExecutorService", "ExecutorService");
        row("ThreadPoolExecutor", "AbstractExecutorService");
        row("ScheduledThreadPoolExecutor", "ThreadPoolExecutor", "ScheduledExecutorService");
        row("ForkJoinPool", "AbstractExecutorService");
        row("ListeningExecutorService", "ExecutorService");

        row("ForkJoinWorkerThread", "Thread");

        row("ReentrantReadWriteLock", "ReadWriteLock");
        row("ReentrantLock", "Lock");
        row("ReadLock", "Lock");
        row("WriteLock", "Lock");

        row("ConcurrentHashMap", "ConcurrentMap", "Map");
        row("ConcurrentSkipListMap", "ConcurrentMap", "Map");
        row("ConcurrentMap", "Map");
    }

    private JdkTypes() {
    }

    private static void row(String type, String... supers) {
        DIRECT.put(type, List.of(supers));
    }

    /** The type itself and every known supertype, by simple name. */
    public static Set<String> selfAndSupers(String simpleName) {
        Set<String> out = new LinkedHashSet<>();
        collect(simpleName, out);
        return out;
    }

    private static void collect(String t, Set<String> out) {
        if (t == null || !out.add(t)) return;
        for (String s : DIRECT.getOrDefault(t, List.of())) collect(s, out);
    }

    /** Every known type whose supertypes include one of {@code types}. */
    public static Set<String> subtypesOf(Set<String> types) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : DIRECT.keySet()) {
            for (String s : selfAndSupers(t)) {
                if (types.contains(s)) {
                    out.add(t);
                    break;
                }
            }
        }
        return out;
    }

}
