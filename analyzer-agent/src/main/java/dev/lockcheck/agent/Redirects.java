package dev.lockcheck.agent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the agent knows about java.util.concurrent, as data: each row redirects calls of one method
 * (on any of its owner types) to a static wrapper in {@code Hooks} with the receiver first and the
 * call site id last. A new blocking API is one row here and one wrapper there.
 */
final class Redirects {
    static final String HOOKS = "dev/lockcheck/agent/boot/Hooks";

    /** The wrapper to call: name and descriptor. */
    record Target(String name, String desc) {
    }

    private static final String J = "java/util/concurrent/";
    private static final String L = J + "locks/";
    private static final List<String> LOCKS = List.of(L + "Lock", L + "ReentrantLock",
            L + "ReentrantReadWriteLock$ReadLock", L + "ReentrantReadWriteLock$WriteLock");
    private static final List<String> QUEUES = List.of(J + "BlockingQueue", J + "BlockingDeque", J + "TransferQueue",
            J + "SynchronousQueue", J + "LinkedBlockingQueue", J + "ArrayBlockingQueue", J + "LinkedTransferQueue",
            J + "PriorityBlockingQueue", J + "DelayQueue", J + "LinkedBlockingDeque");
    private static final List<String> FUTURES = List.of(J + "Future", J + "FutureTask", J + "RunnableFuture",
            J + "ScheduledFuture", J + "RunnableScheduledFuture", J + "CompletableFuture", J + "ForkJoinTask");

    /** Classes whose allocation sites (and the field they are stored in) name them in reports; long-lived kinds only. */
    static final Set<String> ALLOCATED = Set.of(L + "ReentrantReadWriteLock", L + "ReentrantLock", L + "StampedLock",
            J + "SynchronousQueue", J + "LinkedBlockingQueue", J + "ArrayBlockingQueue", J + "LinkedTransferQueue",
            J + "CyclicBarrier", J + "Semaphore", J + "Exchanger");

    private static final Map<String, Target> TABLE = new HashMap<>();
    /**
     * The method names of {@link #TABLE}: most calls a class makes are none of these, and the name
     * alone settles it without building the owner + name + descriptor key (the pre-check asks for
     * every method reference of every class loaded).
     */
    private static final Set<String> NAMES = new java.util.HashSet<>();
    private static final String OBJECT = "java/lang/Object.";

    static {
        String lock = "L" + L + "Lock;";
        for (String o : LOCKS) {
            // lock and unlock of a concrete class have wrappers of their own: the mode and key are
            // known without a type test, and the real lock() call in the wrapper sees one receiver
            // class (a shared wrapper's call is polymorphic, so the JIT cannot inline the lock)
            String exact = o.equals(L + "Lock") ? lock : "L" + o + ";";
            row(o, "lock", "()V", exact);
            row(o, "lockInterruptibly", "()V", lock);
            row(o, "tryLock", "()Z", lock);
            row(o, "tryLock", "(JLjava/util/concurrent/TimeUnit;)Z", lock);
            row(o, "unlock", "()V", exact);
        }
        String sl = "L" + L + "StampedLock;";
        for (String m : List.of("readLock", "writeLock", "readLockInterruptibly", "writeLockInterruptibly",
                "tryReadLock", "tryWriteLock")) {
            row(L + "StampedLock", m, "()J", sl);
        }
        row(L + "StampedLock", "tryReadLock", "(JLjava/util/concurrent/TimeUnit;)J", sl);
        row(L + "StampedLock", "tryWriteLock", "(JLjava/util/concurrent/TimeUnit;)J", sl);
        for (String m : List.of("unlockRead", "unlockWrite", "unlock")) row(L + "StampedLock", m, "(J)V", sl);
        row(L + "StampedLock", "tryUnlockRead", "()Z", sl);
        row(L + "StampedLock", "tryUnlockWrite", "()Z", sl);
        for (String m : List.of("tryConvertToWriteLock", "tryConvertToReadLock", "tryConvertToOptimisticRead")) {
            row(L + "StampedLock", m, "(J)J", sl);
        }
        String bq = "L" + J + "BlockingQueue;";
        for (String o : QUEUES) {
            row(o, "put", "(Ljava/lang/Object;)V", bq);
            row(o, "take", "()Ljava/lang/Object;", bq);
            row(o, "offer", "(Ljava/lang/Object;)Z", bq);
            row(o, "offer", "(Ljava/lang/Object;JLjava/util/concurrent/TimeUnit;)Z", bq);
            row(o, "poll", "()Ljava/lang/Object;", bq);
            row(o, "poll", "(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;", bq);
        }
        row(J + "TransferQueue", "transfer", "(Ljava/lang/Object;)V", "L" + J + "TransferQueue;");
        row(J + "LinkedTransferQueue", "transfer", "(Ljava/lang/Object;)V", "L" + J + "TransferQueue;");
        for (String o : FUTURES) {
            row(o, "get", "()Ljava/lang/Object;", "L" + J + "Future;");
            row(o, "get", "(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;", "L" + J + "Future;");
        }
        String cf = "L" + J + "CompletableFuture;";
        row(J + "CompletableFuture", "join", "()Ljava/lang/Object;", cf);
        row(J + "CompletableFuture", "complete", "(Ljava/lang/Object;)Z", cf);
        String cdl = "L" + J + "CountDownLatch;";
        row(J + "CountDownLatch", "await", "()V", cdl);
        row(J + "CountDownLatch", "await", "(JLjava/util/concurrent/TimeUnit;)Z", cdl);
        row(J + "CountDownLatch", "countDown", "()V", cdl);
        row(J + "CyclicBarrier", "await", "()I", "L" + J + "CyclicBarrier;");
        row(J + "Semaphore", "acquire", "()V", "L" + J + "Semaphore;");
        row(J + "Semaphore", "release", "()V", "L" + J + "Semaphore;");
        row(J + "Exchanger", "exchange", "(Ljava/lang/Object;)Ljava/lang/Object;", "L" + J + "Exchanger;");
        row("java/lang/Thread", "join", "()V", "Ljava/lang/Thread;");
        String bd = "L" + J + "BlockingDeque;";
        for (String o : List.of(J + "BlockingDeque", J + "LinkedBlockingDeque")) {
            row(o, "putFirst", "(Ljava/lang/Object;)V", bd);
            row(o, "putLast", "(Ljava/lang/Object;)V", bd);
            row(o, "takeFirst", "()Ljava/lang/Object;", bd);
            row(o, "takeLast", "()Ljava/lang/Object;", bd);
            row(o, "offerFirst", "(Ljava/lang/Object;)Z", bd);
            row(o, "offerLast", "(Ljava/lang/Object;)Z", bd);
            row(o, "pollFirst", "()Ljava/lang/Object;", bd);
            row(o, "pollLast", "()Ljava/lang/Object;", bd);
        }
        String fjt = "L" + J + "ForkJoinTask;";
        for (String o : List.of(J + "ForkJoinTask", J + "RecursiveTask", J + "RecursiveAction", J + "CountedCompleter")) {
            row(o, "join", "()Ljava/lang/Object;", fjt);
        }
        String ph = "L" + J + "Phaser;";
        row(J + "Phaser", "arriveAndAwaitAdvance", "()I", ph);
        row(J + "Phaser", "awaitAdvance", "(I)I", ph);
        row(J + "Phaser", "arrive", "()I", ph);
        row(J + "Phaser", "arriveAndDeregister", "()I", ph);
        row("java/lang/Runtime", "halt", "(I)V", "Ljava/lang/Runtime;");
        // final in Object: whatever class the call names, it is Object's method
        String obj = "Ljava/lang/Object;";
        rowAs(OBJECT + "wait", "()V", obj, "objectWait");
        rowAs(OBJECT + "wait", "(J)V", obj, "objectWait");
        rowAs(OBJECT + "wait", "(JI)V", obj, "objectWait");
        rowAs(OBJECT + "notify", "()V", obj, "objectNotify");
        rowAs(OBJECT + "notifyAll", "()V", obj, "objectNotifyAll");
    }

    /** Whether some redirected call has this method name ({@link #find} is null for every other). */
    static boolean named(String name) {
        return NAMES.contains(name);
    }

    private Redirects() {
    }

    private static void row(String owner, String name, String desc, String receiverDesc) {
        rowAs(owner + "." + name, desc, receiverDesc, name);
    }

    private static void rowAs(String ownerDotName, String desc, String receiverDesc, String hook) {
        int close = desc.indexOf(')');
        String hookDesc = "(" + receiverDesc + desc.substring(1, close) + "I)" + desc.substring(close + 1);
        TABLE.put(ownerDotName + desc, new Target(hook, hookDesc));
        NAMES.add(ownerDotName.substring(ownerDotName.lastIndexOf('.') + 1));
    }

    /** The wrapper for a virtual or interface call, or null when the call is not ours. */
    static Target find(String owner, String name, String desc) {
        if (!NAMES.contains(name)) return null;
        if ((name.equals("wait") || name.startsWith("notify")) && !owner.startsWith("[")) {
            Target t = TABLE.get(OBJECT + name + desc);
            if (t != null) return t;
        }
        if (!owner.startsWith("java/")) return null;
        return TABLE.get(owner + "." + name + desc);
    }
}
