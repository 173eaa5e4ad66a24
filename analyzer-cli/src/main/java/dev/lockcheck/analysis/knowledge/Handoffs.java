package dev.lockcheck.analysis.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Blocking handoffs: calls that wait for another thread to act (rules.md, "Blocking handoffs").
 * One row a method form; the timed forms apart, because LC001 reports them as warnings.
 */
public final class Handoffs {
    /**
     * How a handoff row matches: receiver type (simple name, or its supertypes), method, arity.
     * {@code insert}: a put/offer, which waits only for room in a bounded queue.
     */
    public record Row(String type, String method, int arity, boolean timed, String what) {
        public String describe() {
            return type + "." + method;
        }

        public boolean insert() {
            return method.startsWith("put") || method.startsWith("offer");
        }
    }

    /** Queues whose put/offer never wait: they have no capacity bound. */
    private static final Set<String> NEVER_FULL = Set.of("PriorityBlockingQueue", "DelayQueue", "LinkedTransferQueue");

    /** Queues that are unbounded unless created with a capacity ({@code new LinkedBlockingQueue<>()}). */
    private static final Set<String> BOUND_OPTIONAL = Set.of("LinkedBlockingQueue", "LinkedBlockingDeque");

    /**
     * Whether an insert into a queue of this concrete type, created with these constructor
     * argument types (null when the creation is not known), can wait. A {@code BlockingQueue}
     * of unknown creation may be a SynchronousQueue: it can.
     */
    public static boolean insertCanWait(String createdType, List<String> ctorArgTypes) {
        if (createdType == null) return true;
        if (NEVER_FULL.contains(createdType)) return false;
        if (BOUND_OPTIONAL.contains(createdType) && ctorArgTypes != null) {
            if (ctorArgTypes.isEmpty()) return false;
            String t = ctorArgTypes.get(0);
            return t == null || !COLLECTIONS.contains(t);
        }
        return true;
    }

    private static final Set<String> COLLECTIONS = Set.of("Collection", "List", "Set", "ArrayList", "LinkedList", "HashSet",
            "Queue", "Deque", "ArrayDeque");

    /** Arity for "any number of arguments". */
    public static final int ANY = -1;

    private static final List<Row> ROWS = new ArrayList<>();

    static {
        untimed("BlockingQueue", "put", 1);
        untimed("BlockingQueue", "take", 0);
        timed("BlockingQueue", "offer", 3);
        timed("BlockingQueue", "poll", 2);
        untimed("BlockingDeque", "putFirst", 1);
        untimed("BlockingDeque", "putLast", 1);
        untimed("BlockingDeque", "takeFirst", 0);
        untimed("BlockingDeque", "takeLast", 0);
        timed("BlockingDeque", "offerFirst", 3);
        timed("BlockingDeque", "offerLast", 3);
        timed("BlockingDeque", "pollFirst", 2);
        timed("BlockingDeque", "pollLast", 2);
        untimed("TransferQueue", "transfer", 1);
        timed("TransferQueue", "tryTransfer", 3);

        untimed("Exchanger", "exchange", 1);
        timed("Exchanger", "exchange", 3);

        untimed("Future", "get", 0);
        timed("Future", "get", 2);
        untimed("CompletableFuture", "join", 0);
        untimed("ForkJoinTask", "join", 0);
        untimed("ForkJoinTask", "invoke", 0);

        untimed("CountDownLatch", "await", 0);
        timed("CountDownLatch", "await", 2);
        untimed("CyclicBarrier", "await", 0);
        timed("CyclicBarrier", "await", 2);
        untimed("Phaser", "awaitAdvance", 1);
        untimed("Phaser", "arriveAndAwaitAdvance", 0);
        untimed("Phaser", "awaitAdvanceInterruptibly", 1);
        timed("Phaser", "awaitAdvanceInterruptibly", 3);

        untimed("Semaphore", "acquire", 0);
        untimed("Semaphore", "acquire", 1);
        untimed("Semaphore", "acquireUninterruptibly", 0);
        untimed("Semaphore", "acquireUninterruptibly", 1);
        timed("Semaphore", "tryAcquire", 2);
        timed("Semaphore", "tryAcquire", 3);

        untimed("Thread", "join", 0);
        timed("Thread", "join", 1);
        timed("Thread", "join", 2);

        untimed("Object", "wait", 0);
        timed("Object", "wait", 1);
        timed("Object", "wait", 2);

        untimed("Condition", "await", 0);
        untimed("Condition", "awaitUninterruptibly", 0);
        timed("Condition", "await", 2);
        timed("Condition", "awaitNanos", 1);
        timed("Condition", "awaitUntil", 1);

        untimed("ExecutorService", "invokeAll", 1);
        timed("ExecutorService", "invokeAll", 3);
        untimed("ExecutorService", "invokeAny", 1);
        timed("ExecutorService", "invokeAny", 3);
        // rules.md lists awaitTermination with the untimed handoffs: it is normally called with a
        // very long timeout, and waits for every task of the pool.
        untimed("ExecutorService", "awaitTermination", 2);
    }

    private Handoffs() {
    }

    private static void untimed(String type, String method, int arity) {
        ROWS.add(new Row(type, method, arity, false, "blocks until another thread acts"));
    }

    private static void timed(String type, String method, int arity) {
        ROWS.add(new Row(type, method, arity, true, "blocks until another thread acts or the timeout expires"));
    }

    /** The row for a call on a receiver whose type (and supertypes) are {@code receiverTypes}, or null. */
    public static Row match(Iterable<String> receiverTypes, String method, int arity) {
        for (String t : receiverTypes) {
            for (Row r : ROWS) {
                if (r.type.equals(t) && r.method.equals(method) && (r.arity == ANY || r.arity == arity)) return r;
            }
        }
        return null;
    }

    /** {@code wait()} with no receiver, or on any object, is Object.wait. */
    public static Row objectWait(int arity) {
        for (Row r : ROWS) if (r.type.equals("Object") && r.arity == arity) return r;
        return null;
    }

    /** Every handoff receiver type of the table and its known JDK subtypes (not Object: wait() is matched apart). */
    public static Set<String> handoffTypeNames() {
        Set<String> out = new java.util.TreeSet<>();
        for (Row r : ROWS) if (!r.type.equals("Object")) out.add(r.type);
        out.addAll(JdkTypes.subtypesOf(out));
        return out;
    }

    /** Quick name filter: could a call named {@code method} be a handoff at all? */
    public static boolean isCandidateName(String method) {
        return METHOD_NAMES.contains(method);
    }

    private static final java.util.Set<String> METHOD_NAMES = methodNames();

    private static java.util.Set<String> methodNames() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Row r : ROWS) out.add(r.method);
        return java.util.Set.copyOf(out);
    }
}
