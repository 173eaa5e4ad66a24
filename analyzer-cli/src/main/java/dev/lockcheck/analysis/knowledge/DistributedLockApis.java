package dev.lockcheck.analysis.knowledge;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the distributed-lock, cache and map APIs behind LC101-LC103 do, one row a method form:
 * {@code java.util.concurrent} locks, Redisson, Curator, jetcd, Jedis, Lettuce, Spring Data Redis,
 * {@code ConcurrentHashMap}, Guava and Caffeine caches. A new client API is one row here; the
 * checks ({@code TryLockPollingLoop}, {@code UnsafeDistributedLock}, {@code RecursiveCacheLoad})
 * contain no API names.
 *
 * <p>A row matches a call by the receiver's type (simple name, or one of its known supertypes, see
 * {@link #selfAndSupers}), the method name and an argument predicate ({@link Args}): a timed
 * {@code tryLock(5, SECONDS)} waits, {@code tryLock(0, SECONDS)} does not; {@code set(k, v,
 * setParams().nx().px(ttl))} takes a lock with its expiry, {@code set(k, v, setParams().nx())}
 * without one.
 */
public final class DistributedLockApis {

    /** Which library a row comes from; {@link #JUC} locks are local (LC101 warning), the rest distributed. */
    public enum Client {
        JUC(false), REDISSON(true), CURATOR(true), JETCD(true), JEDIS(true), LETTUCE(true),
        SPRING_DATA_REDIS(true), JDK(false), GUAVA(false), CAFFEINE(false);

        private final boolean distributed;

        Client(boolean distributed) {
            this.distributed = distributed;
        }

        public boolean distributed() {
            return distributed;
        }
    }

    /** What a call means to LC101-LC103. A row may carry several (SET NX PX both tries and sets an expiry). */
    public enum Meaning {
        /** Returns at once, acquired or not: retrying it in a loop with nothing between attempts polls (LC101). */
        TRY_ACQUIRE,
        /** Waits (up to a timeout) for the holder to let go: a loop around it waits between attempts. */
        TIMED_ACQUIRE,
        /** Blocks until acquired. */
        ACQUIRE,
        /** A Redis lock key set together with its expiry in one command. */
        ACQUIRE_WITH_EXPIRY,
        /** A Redis lock key set without an expiry in the same command (LC102). */
        ACQUIRE_NO_EXPIRY,
        /** An expiry set by a second command, after the key ({@code EXPIRE}, {@code PEXPIRE}). */
        SET_EXPIRY,
        /** Deletes the key whoever holds it (LC102 when the key is a lock key). */
        RELEASE_PLAIN_DEL,
        /** Deletes the key only if it still holds this client's token (a Lua compare-and-delete). */
        RELEASE_CHECKED,
        /** Builds a RedLock over the RLocks given as arguments (LC102 when their number is even). */
        REDLOCK_CTOR,
        /** Registers a watch on a key: the loop waits for a change instead of polling. */
        WATCH,
        /** Blocks until another thread, process or server acts (latch, future, queue, condition, BLPOP). */
        BLOCKING_WAIT,
        /** Sleeps or parks for a while: a backoff between attempts. */
        BACKOFF_SLEEP,
        /** A CPU hint or yield: not a wait, the loop still polls. */
        SPIN_HINT,
        /** Takes a mapping function and runs it while the map's bin is reserved (ConcurrentHashMap compute family). */
        MAP_COMPUTE,
        /** Modifies the map (LC103 when inside a mapping function of the same map). */
        MAP_MODIFYING,
        /** Reads the map without modifying it: allowed inside a mapping function. */
        MAP_READ,
        /** Takes a loader and runs it to fill the cache ({@code Cache.get(key, loader)}). */
        CACHE_COMPUTE,
        /** Builds a cache around a loader ({@code CacheBuilder.build(loader)}, {@code Caffeine.build(loader)}). */
        CACHE_BUILD_LOADING,
        /** A get that runs the cache's loader on a miss (LC103 when inside a loader of the same cache). */
        CACHE_LOADING_GET,
        /** A cache read that never loads ({@code getIfPresent}). */
        CACHE_READ,
        /** An etcd KV put: with a delete of the same key in the same method it is one polling attempt (the incident). */
        KV_PUT,
        /** An etcd KV delete. */
        KV_DELETE
    }

    /** Argument predicate of a row. */
    @FunctionalInterface
    public interface Args {
        boolean test(NodeList<Expression> args);

        static Args any() {
            return a -> true;
        }

        static Args arity(int n) {
            return a -> a.size() == n;
        }

        static Args arityAtLeast(int n) {
            return a -> a.size() >= n;
        }

        /** Arity n and argument i is the literal 0 ({@code tryLock(0, SECONDS)}: no wait at all). */
        static Args zeroAt(int n, int i) {
            return a -> a.size() == n && isZero(a.get(i));
        }

        /** Arity n and argument i is not the literal 0. */
        static Args nonZeroAt(int n, int i) {
            return a -> a.size() == n && !isZero(a.get(i));
        }

        /** Arity n, and argument i is a SET option chain with NX and, per {@code withExpiry}, with or without an expiry. */
        static Args setNx(int n, int i, boolean withExpiry) {
            return a -> a.size() == n && SetOptions.of(a.get(i)).map(o -> o.nx() && o.expiry() == withExpiry).orElse(false);
        }

        /**
         * Arity n, and the receiver chain compares a creation revision or version with 0: the etcd
         * idiom for "put the lock key only if nobody holds it"
         * ({@code kv.txn().If(new Cmp(key, EQUAL, CmpTarget.createRevision(0))).Then(put).commit()}).
         * Other transactions (an optimistic update on a fresh modRevision) are not lock attempts.
         */
        static Args etcdCreateIfAbsent(int n) {
            return new Args() {
                @Override
                public boolean test(NodeList<Expression> a) {
                    return a.size() == n;
                }

                @Override
                public boolean testScope(Optional<Expression> scope) {
                    return scope.map(s -> s.toString().replace(" ", "").matches("(?s).*(createRevision|version)\\(0L?\\).*"))
                            .orElse(false);
                }
            };
        }

        /**
         * Arity n, and the receiver is a variable, field or parameter rather than a call just made:
         * {@code latch.await()} or {@code future.get()} waits for someone else, while
         * {@code kv.put(k, v).get()} only waits for the answer to this client's own request.
         */
        static Args awaitingOthers(Args arity) {
            return new Args() {
                @Override
                public boolean test(NodeList<Expression> a) {
                    return arity.test(a);
                }

                @Override
                public boolean testScope(Optional<Expression> scope) {
                    return scope.map(s -> !(s instanceof MethodCallExpr)).orElse(true);
                }
            };
        }

        /** A predicate on the receiver expression too; most rows accept any. */
        default boolean testScope(Optional<Expression> scope) {
            return true;
        }
    }

    /**
     * @param types      fully qualified names of the receiver types (or of the class, for constructors and static calls)
     * @param method     the method name; {@code <init>} for a constructor
     * @param fnArg      for compute rows, the index of the mapping function or loader argument; otherwise -1
     */
    public record Row(Client client, List<String> types, String method, Args args, Set<Meaning> meanings, int fnArg,
                      String what) {
        public boolean is(Meaning m) {
            return meanings.contains(m);
        }

        public boolean distributed() {
            return client.distributed();
        }

        public String describe() {
            return simpleName(types.get(0)) + "." + method;
        }
    }

    /** A library method that returns an object of a known type (for receivers that are chained calls). */
    public record Factory(String receiver, String method, String returns) {
    }

    public static final String CTOR = "<init>";

    private static final List<Row> ROWS = new ArrayList<>();
    private static final List<Factory> FACTORIES = new ArrayList<>();
    private static final Map<String, List<String>> SUPERS = new HashMap<>();
    private static final Map<String, String> FQN_BY_SIMPLE = new HashMap<>();

    static {
        // ---- java.util.concurrent locks (local: LC101 warning) ----
        String lock = "java.util.concurrent.locks.Lock";
        row(Client.JUC, lock, "tryLock", Args.arity(0), "Lock.tryLock()", Meaning.TRY_ACQUIRE);
        row(Client.JUC, lock, "tryLock", Args.zeroAt(2, 0), "Lock.tryLock(0, unit)", Meaning.TRY_ACQUIRE);
        row(Client.JUC, lock, "tryLock", Args.nonZeroAt(2, 0), "Lock.tryLock(timeout, unit)", Meaning.TIMED_ACQUIRE);
        row(Client.JUC, lock, "lock", Args.arity(0), "Lock.lock()", Meaning.ACQUIRE);
        row(Client.JUC, lock, "lockInterruptibly", Args.arity(0), "Lock.lockInterruptibly()", Meaning.ACQUIRE);
        String stamped = "java.util.concurrent.locks.StampedLock";
        row(Client.JUC, stamped, "tryWriteLock", Args.arity(0), "StampedLock.tryWriteLock()", Meaning.TRY_ACQUIRE);
        row(Client.JUC, stamped, "tryReadLock", Args.arity(0), "StampedLock.tryReadLock()", Meaning.TRY_ACQUIRE);
        row(Client.JUC, stamped, "tryWriteLock", Args.arity(2), "StampedLock.tryWriteLock(timeout, unit)", Meaning.TIMED_ACQUIRE);
        row(Client.JUC, stamped, "tryReadLock", Args.arity(2), "StampedLock.tryReadLock(timeout, unit)", Meaning.TIMED_ACQUIRE);
        supers("java.util.concurrent.locks.ReentrantLock", lock);
        supers("java.util.concurrent.locks.ReentrantReadWriteLock.ReadLock", lock);
        supers("java.util.concurrent.locks.ReentrantReadWriteLock.WriteLock", lock);

        // ---- Redisson ----
        String rlock = "org.redisson.api.RLock";
        row(Client.REDISSON, rlock, "tryLock", Args.arity(0), "RLock.tryLock()", Meaning.TRY_ACQUIRE);
        row(Client.REDISSON, rlock, "tryLock", Args.zeroAt(2, 0), "RLock.tryLock(0, unit)", Meaning.TRY_ACQUIRE);
        row(Client.REDISSON, rlock, "tryLock", Args.zeroAt(3, 0), "RLock.tryLock(0, lease, unit)", Meaning.TRY_ACQUIRE);
        row(Client.REDISSON, rlock, "tryLock", Args.nonZeroAt(2, 0), "RLock.tryLock(wait, unit)", Meaning.TIMED_ACQUIRE);
        row(Client.REDISSON, rlock, "tryLock", Args.nonZeroAt(3, 0), "RLock.tryLock(wait, lease, unit)", Meaning.TIMED_ACQUIRE);
        row(Client.REDISSON, rlock, "lock", Args.any(), "RLock.lock", Meaning.ACQUIRE);
        row(Client.REDISSON, rlock, "lockInterruptibly", Args.any(), "RLock.lockInterruptibly", Meaning.ACQUIRE);
        supers(rlock, lock);
        supers("org.redisson.api.RFencedLock", rlock);
        supers("org.redisson.RedissonLock", rlock);
        supers("org.redisson.RedissonFairLock", rlock);
        supers("org.redisson.RedissonMultiLock", rlock);
        supers("org.redisson.RedissonRedLock", "org.redisson.RedissonMultiLock");
        row(Client.REDISSON, "org.redisson.RedissonRedLock", CTOR, Args.any(), "new RedissonRedLock(locks...)", Meaning.REDLOCK_CTOR);
        row(Client.REDISSON, "org.redisson.api.RedissonClient", "getRedLock", Args.any(), "RedissonClient.getRedLock(locks...)",
                Meaning.REDLOCK_CTOR);
        String redissonClient = "org.redisson.api.RedissonClient";
        factory(redissonClient, "getLock", rlock);
        factory(redissonClient, "getFairLock", rlock);
        factory(redissonClient, "getSpinLock", rlock);
        factory(redissonClient, "getMultiLock", rlock);
        factory(redissonClient, "getFencedLock", "org.redisson.api.RFencedLock");
        factory("org.redisson.api.RReadWriteLock", "readLock", rlock);
        factory("org.redisson.api.RReadWriteLock", "writeLock", rlock);

        // ---- Curator ----
        String mutex = "org.apache.curator.framework.recipes.locks.InterProcessLock";
        row(Client.CURATOR, mutex, "acquire", Args.zeroAt(2, 0), "InterProcessMutex.acquire(0, unit)", Meaning.TRY_ACQUIRE);
        row(Client.CURATOR, mutex, "acquire", Args.nonZeroAt(2, 0), "InterProcessMutex.acquire(timeout, unit)", Meaning.TIMED_ACQUIRE);
        row(Client.CURATOR, mutex, "acquire", Args.arity(0), "InterProcessMutex.acquire()", Meaning.ACQUIRE);
        supers("org.apache.curator.framework.recipes.locks.InterProcessMutex", mutex);
        supers("org.apache.curator.framework.recipes.locks.InterProcessSemaphoreMutex", mutex);
        supers("org.apache.curator.framework.recipes.locks.InterProcessReadWriteLock.ReadLock", mutex);
        supers("org.apache.curator.framework.recipes.locks.InterProcessReadWriteLock.WriteLock", mutex);

        // ---- jetcd ----
        String kv = "io.etcd.jetcd.KV";
        row(Client.JETCD, kv, "put", Args.arityAtLeast(2), "KV.put", Meaning.KV_PUT);
        row(Client.JETCD, kv, "delete", Args.arityAtLeast(1), "KV.delete", Meaning.KV_DELETE);
        row(Client.JETCD, "io.etcd.jetcd.Txn", "commit", Args.etcdCreateIfAbsent(0), "KV.txn().If(createRevision == 0).Then(put).commit()",
                Meaning.TRY_ACQUIRE);
        row(Client.JETCD, "io.etcd.jetcd.Lock", "lock", Args.arity(2), "jetcd Lock.lock(name, lease)", Meaning.ACQUIRE);
        row(Client.JETCD, "io.etcd.jetcd.Watch", "watch", Args.any(), "jetcd Watch.watch", Meaning.WATCH);
        String etcd = "io.etcd.jetcd.Client";
        factory(etcd, "getKVClient", kv);
        factory(etcd, "getLockClient", "io.etcd.jetcd.Lock");
        factory(etcd, "getWatchClient", "io.etcd.jetcd.Watch");
        factory(kv, "txn", "io.etcd.jetcd.Txn");
        factory("io.etcd.jetcd.Txn", "If", "io.etcd.jetcd.Txn");
        factory("io.etcd.jetcd.Txn", "Then", "io.etcd.jetcd.Txn");
        factory("io.etcd.jetcd.Txn", "Else", "io.etcd.jetcd.Txn");

        // ---- Jedis ----
        String jedis = "redis.clients.jedis.commands.JedisCommands";
        supers("redis.clients.jedis.Jedis", jedis);
        supers("redis.clients.jedis.UnifiedJedis", jedis);
        supers("redis.clients.jedis.JedisPooled", "redis.clients.jedis.UnifiedJedis");
        supers("redis.clients.jedis.JedisCluster", "redis.clients.jedis.UnifiedJedis");
        factory("redis.clients.jedis.JedisPool", "getResource", "redis.clients.jedis.Jedis");
        redis(Client.JEDIS, jedis, "redis.clients.jedis.params.SetParams");

        // ---- Lettuce ----
        String lettuce = "io.lettuce.core.api.sync.RedisCommands";
        supers("io.lettuce.core.api.async.RedisAsyncCommands", lettuce);
        supers("io.lettuce.core.api.reactive.RedisReactiveCommands", lettuce);
        supers("io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands", lettuce);
        supers("io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands", lettuce);
        factory("io.lettuce.core.api.StatefulRedisConnection", "sync", lettuce);
        factory("io.lettuce.core.api.StatefulRedisConnection", "async", "io.lettuce.core.api.async.RedisAsyncCommands");
        factory("io.lettuce.core.api.StatefulRedisConnection", "reactive", "io.lettuce.core.api.reactive.RedisReactiveCommands");
        redis(Client.LETTUCE, lettuce, "io.lettuce.core.SetArgs");

        // ---- Spring Data Redis ----
        String ops = "org.springframework.data.redis.core.ValueOperations";
        String bound = "org.springframework.data.redis.core.BoundValueOperations";
        String template = "org.springframework.data.redis.core.RedisOperations";
        supers("org.springframework.data.redis.core.RedisTemplate", template);
        supers("org.springframework.data.redis.core.StringRedisTemplate", "org.springframework.data.redis.core.RedisTemplate");
        factory(template, "opsForValue", ops);
        factory(template, "boundValueOps", bound);
        row(Client.SPRING_DATA_REDIS, ops, "setIfAbsent", Args.arity(2), "ValueOperations.setIfAbsent(key, value)",
                Meaning.TRY_ACQUIRE, Meaning.ACQUIRE_NO_EXPIRY);
        row(Client.SPRING_DATA_REDIS, ops, "setIfAbsent", Args.arity(3), "ValueOperations.setIfAbsent(key, value, timeout)",
                Meaning.TRY_ACQUIRE, Meaning.ACQUIRE_WITH_EXPIRY);
        row(Client.SPRING_DATA_REDIS, ops, "setIfAbsent", Args.arity(4), "ValueOperations.setIfAbsent(key, value, timeout, unit)",
                Meaning.TRY_ACQUIRE, Meaning.ACQUIRE_WITH_EXPIRY);
        row(Client.SPRING_DATA_REDIS, bound, "setIfAbsent", Args.arity(1), "BoundValueOperations.setIfAbsent(value)",
                Meaning.TRY_ACQUIRE, Meaning.ACQUIRE_NO_EXPIRY);
        row(Client.SPRING_DATA_REDIS, bound, "setIfAbsent", Args.arityAtLeast(2), "BoundValueOperations.setIfAbsent(value, timeout)",
                Meaning.TRY_ACQUIRE, Meaning.ACQUIRE_WITH_EXPIRY);
        row(Client.SPRING_DATA_REDIS, template, "expire", Args.arityAtLeast(2), "RedisTemplate.expire", Meaning.SET_EXPIRY);
        row(Client.SPRING_DATA_REDIS, template, "delete", Args.arity(1), "RedisTemplate.delete(key)", Meaning.RELEASE_PLAIN_DEL);
        row(Client.SPRING_DATA_REDIS, template, "unlink", Args.arity(1), "RedisTemplate.unlink(key)", Meaning.RELEASE_PLAIN_DEL);
        row(Client.SPRING_DATA_REDIS, template, "execute", Args.arityAtLeast(2), "RedisTemplate.execute(script, keys, args...)",
                Meaning.RELEASE_CHECKED);

        // ---- waits between attempts (LC101): the loop is not polling when it contains one ----
        row(Client.JDK, "java.lang.Thread", "sleep", Args.any(), "Thread.sleep", Meaning.BACKOFF_SLEEP);
        row(Client.JDK, "java.util.concurrent.TimeUnit", "sleep", Args.arity(1), "TimeUnit.sleep", Meaning.BACKOFF_SLEEP);
        row(Client.JDK, "java.util.concurrent.locks.LockSupport", "parkNanos", Args.any(), "LockSupport.parkNanos", Meaning.BACKOFF_SLEEP);
        row(Client.JDK, "java.util.concurrent.locks.LockSupport", "parkUntil", Args.any(), "LockSupport.parkUntil", Meaning.BACKOFF_SLEEP);
        row(Client.JDK, "java.util.concurrent.locks.LockSupport", "park", Args.any(), "LockSupport.park", Meaning.BLOCKING_WAIT);
        row(Client.GUAVA, "com.google.common.util.concurrent.Uninterruptibles", "sleepUninterruptibly", Args.any(),
                "Uninterruptibles.sleepUninterruptibly", Meaning.BACKOFF_SLEEP);
        row(Client.JDK, "java.lang.Object", "wait", Args.any(), "Object.wait", Meaning.BLOCKING_WAIT);
        row(Client.JDK, "java.util.concurrent.locks.Condition", "await", Args.any(), "Condition.await", Meaning.BLOCKING_WAIT);
        row(Client.JDK, "java.util.concurrent.locks.Condition", "awaitNanos", Args.any(), "Condition.awaitNanos", Meaning.BLOCKING_WAIT);
        row(Client.JDK, "java.util.concurrent.locks.Condition", "awaitUninterruptibly", Args.any(), "Condition.awaitUninterruptibly",
                Meaning.BLOCKING_WAIT);
        row(Client.JDK, "java.util.concurrent.CountDownLatch", "await", Args.any(), "CountDownLatch.await", Meaning.BLOCKING_WAIT);
        row(Client.JDK, "java.util.concurrent.Future", "get", Args.awaitingOthers(Args.any()), "Future.get", Meaning.BLOCKING_WAIT);
        row(Client.JDK, "java.util.concurrent.CompletableFuture", "join", Args.awaitingOthers(Args.arity(0)), "CompletableFuture.join", Meaning.BLOCKING_WAIT);
        row(Client.JDK, "java.util.concurrent.BlockingQueue", "take", Args.arity(0), "BlockingQueue.take", Meaning.BLOCKING_WAIT);
        row(Client.JDK, "java.util.concurrent.BlockingQueue", "poll", Args.arity(2), "BlockingQueue.poll(timeout, unit)",
                Meaning.BLOCKING_WAIT);
        row(Client.JDK, "java.util.concurrent.Semaphore", "acquire", Args.any(), "Semaphore.acquire", Meaning.BLOCKING_WAIT);
        row(Client.JDK, "java.lang.Thread", "onSpinWait", Args.arity(0), "Thread.onSpinWait", Meaning.SPIN_HINT);
        row(Client.JDK, "java.lang.Thread", "yield", Args.arity(0), "Thread.yield", Meaning.SPIN_HINT);
        supers("java.util.concurrent.CompletableFuture", "java.util.concurrent.Future");
        supers("java.util.concurrent.FutureTask", "java.util.concurrent.Future");
        supers("java.util.concurrent.LinkedBlockingQueue", "java.util.concurrent.BlockingQueue");
        supers("java.util.concurrent.ArrayBlockingQueue", "java.util.concurrent.BlockingQueue");
        supers("java.util.concurrent.SynchronousQueue", "java.util.concurrent.BlockingQueue");

        // ---- ConcurrentHashMap (LC103) ----
        String chm = "java.util.concurrent.ConcurrentHashMap";
        compute(Client.JDK, chm, "computeIfAbsent", 2, 1, Meaning.MAP_COMPUTE);
        compute(Client.JDK, chm, "computeIfPresent", 2, 1, Meaning.MAP_COMPUTE);
        compute(Client.JDK, chm, "compute", 2, 1, Meaning.MAP_COMPUTE);
        compute(Client.JDK, chm, "merge", 3, 2, Meaning.MAP_COMPUTE);
        for (String m : List.of("put", "putIfAbsent", "putAll", "remove", "replace", "replaceAll", "clear")) {
            row(Client.JDK, chm, m, Args.any(), "ConcurrentHashMap." + m, Meaning.MAP_MODIFYING);
        }
        for (String m : List.of("get", "getOrDefault", "containsKey", "containsValue", "size", "isEmpty")) {
            row(Client.JDK, chm, m, Args.any(), "ConcurrentHashMap." + m, Meaning.MAP_READ);
        }

        // ---- Guava and Caffeine caches (LC103) ----
        String guavaCache = "com.google.common.cache.Cache";
        String guavaLoading = "com.google.common.cache.LoadingCache";
        supers(guavaLoading, guavaCache);
        compute(Client.GUAVA, guavaCache, "get", 2, 1, Meaning.CACHE_COMPUTE);
        for (String m : List.of("get", "getUnchecked", "apply", "refresh")) {
            row(Client.GUAVA, guavaLoading, m, Args.arity(1), "LoadingCache." + m, Meaning.CACHE_LOADING_GET);
        }
        row(Client.GUAVA, guavaLoading, "getAll", Args.arity(1), "LoadingCache.getAll", Meaning.CACHE_LOADING_GET);
        row(Client.GUAVA, guavaCache, "getIfPresent", Args.arity(1), "Cache.getIfPresent", Meaning.CACHE_READ);
        row(Client.GUAVA, "com.google.common.cache.CacheBuilder", "build", Args.arity(1), "CacheBuilder.build(loader)",
                Meaning.CACHE_BUILD_LOADING);
        String caffeineCache = "com.github.benmanes.caffeine.cache.Cache";
        String caffeineLoading = "com.github.benmanes.caffeine.cache.LoadingCache";
        supers(caffeineLoading, caffeineCache);
        compute(Client.CAFFEINE, caffeineCache, "get", 2, 1, Meaning.CACHE_COMPUTE);
        compute(Client.CAFFEINE, caffeineCache, "getAll", 2, 1, Meaning.CACHE_COMPUTE);
        row(Client.CAFFEINE, caffeineLoading, "get", Args.arity(1), "LoadingCache.get", Meaning.CACHE_LOADING_GET);
        row(Client.CAFFEINE, caffeineLoading, "getAll", Args.arity(1), "LoadingCache.getAll", Meaning.CACHE_LOADING_GET);
        row(Client.CAFFEINE, caffeineLoading, "refresh", Args.arity(1), "LoadingCache.refresh", Meaning.CACHE_LOADING_GET);
        row(Client.CAFFEINE, caffeineCache, "getIfPresent", Args.arity(1), "Cache.getIfPresent", Meaning.CACHE_READ);
        row(Client.CAFFEINE, "com.github.benmanes.caffeine.cache.Caffeine", "build", Args.arity(1), "Caffeine.build(loader)",
                Meaning.CACHE_BUILD_LOADING);
    }

    /** The rows of each method name: most calls of a tree name no method of this table. */
    private static final Map<String, List<Row>> ROWS_BY_METHOD = new HashMap<>();

    static {
        for (Row r : ROWS) ROWS_BY_METHOD.computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r);
    }

    /** Whether some row is about a method (or constructor, {@link #CTOR}) of this name. */
    public static boolean knowsMethod(String method) {
        return ROWS_BY_METHOD.containsKey(method);
    }

    /** The Redis commands shared by Jedis and Lettuce (same names, same arities). */
    private static void redis(Client c, String type, String setOptionsType) {
        String n = simpleName(type);
        row(c, type, "setnx", Args.arity(2), n + ".setnx", Meaning.TRY_ACQUIRE, Meaning.ACQUIRE_NO_EXPIRY);
        row(c, type, "set", Args.setNx(3, 2, false), n + ".set(key, value, NX without PX/EX)", Meaning.TRY_ACQUIRE,
                Meaning.ACQUIRE_NO_EXPIRY);
        row(c, type, "set", Args.setNx(3, 2, true), n + ".set(key, value, NX + PX/EX)", Meaning.TRY_ACQUIRE,
                Meaning.ACQUIRE_WITH_EXPIRY);
        for (String m : List.of("expire", "pexpire", "expireAt", "pexpireAt", "expireat", "pexpireat")) {
            row(c, type, m, Args.arity(2), n + "." + m, Meaning.SET_EXPIRY);
        }
        row(c, type, "del", Args.arity(1), n + ".del(key)", Meaning.RELEASE_PLAIN_DEL);
        row(c, type, "unlink", Args.arity(1), n + ".unlink(key)", Meaning.RELEASE_PLAIN_DEL);
        row(c, type, "eval", Args.arityAtLeast(2), n + ".eval(script, keys, args)", Meaning.RELEASE_CHECKED);
        row(c, type, "evalsha", Args.arityAtLeast(2), n + ".evalsha(sha, keys, args)", Meaning.RELEASE_CHECKED);
        row(c, type, "blpop", Args.any(), n + ".blpop", Meaning.BLOCKING_WAIT);
        row(c, type, "brpop", Args.any(), n + ".brpop", Meaning.BLOCKING_WAIT);
        row(c, type, "subscribe", Args.any(), n + ".subscribe", Meaning.BLOCKING_WAIT);
        FQN_BY_SIMPLE.putIfAbsent(simpleName(setOptionsType), setOptionsType);
    }

    private DistributedLockApis() {
    }

    private static void row(Client c, String type, String method, Args args, String what, Meaning first, Meaning... rest) {
        ROWS.add(new Row(c, List.of(type), method, args, Collections.unmodifiableSet(EnumSet.of(first, rest)), -1, what));
        FQN_BY_SIMPLE.putIfAbsent(simpleName(type), type);
    }

    private static void compute(Client c, String type, String method, int arity, int fnArg, Meaning meaning) {
        ROWS.add(new Row(c, List.of(type), method, Args.arity(arity), Collections.unmodifiableSet(EnumSet.of(meaning)), fnArg,
                simpleName(type) + "." + method));
        FQN_BY_SIMPLE.putIfAbsent(simpleName(type), type);
    }

    private static void supers(String type, String... supertypes) {
        SUPERS.computeIfAbsent(simpleName(type), k -> new ArrayList<>());
        for (String s : supertypes) {
            SUPERS.get(simpleName(type)).add(simpleName(s));
        }
        FQN_BY_SIMPLE.putIfAbsent(simpleName(type), type);
    }

    private static void factory(String receiver, String method, String returns) {
        FACTORIES.add(new Factory(simpleName(receiver), method, simpleName(returns)));
        FQN_BY_SIMPLE.putIfAbsent(simpleName(receiver), receiver);
        FQN_BY_SIMPLE.putIfAbsent(simpleName(returns), returns);
    }

    /** The last segment of a qualified name ({@code ReentrantReadWriteLock.ReadLock} gives {@code ReadLock}). */
    public static String simpleName(String qualified) {
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? qualified : qualified.substring(dot + 1);
    }

    /** The type itself and every supertype known to this table, by simple name. */
    public static Set<String> selfAndSupers(String simpleType) {
        Set<String> out = new LinkedHashSet<>();
        collect(simpleType, out);
        return out;
    }

    private static void collect(String t, Set<String> out) {
        if (t == null || !out.add(t)) {
            return;
        }
        for (String s : SUPERS.getOrDefault(t, List.of())) {
            collect(s, out);
        }
    }

    /** The fully qualified name this table knows for a simple type name. */
    public static Optional<String> fqn(String simpleType) {
        return Optional.ofNullable(FQN_BY_SIMPLE.get(simpleType));
    }

    /** Whether any row or factory mentions this simple type name (or one of its known subtypes). */
    public static boolean knows(String simpleType) {
        return FQN_BY_SIMPLE.containsKey(simpleType);
    }

    /** The type a library call returns, when the table knows it ({@code redisson.getLock(..)} is an {@code RLock}). */
    public static Optional<String> returnType(String receiverSimpleType, String method) {
        for (String t : selfAndSupers(receiverSimpleType)) {
            for (Factory f : FACTORIES) {
                if (f.receiver().equals(t) && f.method().equals(method)) {
                    return Optional.of(f.returns());
                }
            }
        }
        return Optional.empty();
    }

    /** The row for a method call on a receiver of the given simple type, if any. */
    public static Optional<Row> match(String receiverSimpleType, MethodCallExpr call) {
        return match(receiverSimpleType, call.getNameAsString(), call.getArguments(), call.getScope());
    }

    /** The row for a constructor call ({@code new RedissonRedLock(...)}), if any. */
    public static Optional<Row> matchNew(ObjectCreationExpr creation) {
        return match(creation.getType().getNameAsString(), CTOR, creation.getArguments(), Optional.empty());
    }

    public static Optional<Row> match(String receiverSimpleType, String method, NodeList<Expression> args,
                                      Optional<Expression> scope) {
        List<Row> candidates = ROWS_BY_METHOD.get(method);
        if (receiverSimpleType == null || candidates == null) {
            return Optional.empty();
        }
        // the most specific type first: an RLock's tryLock is Redisson's row, not Lock's
        for (String type : selfAndSupers(receiverSimpleType)) {
            for (Row r : candidates) {
                if (type.equals(simpleName(r.types().get(0))) && r.args().test(args)
                        && r.args().testScope(scope)) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The simple names of the receiver types of every row with one of these meanings: a file that
     * names none of them cannot call such a method (what the scanner's prefilter starts from).
     */
    public static Set<String> typeWords(Set<Meaning> meanings) {
        Set<String> types = new LinkedHashSet<>();
        for (Row r : rows()) {
            if (Collections.disjoint(r.meanings(), meanings)) continue;
            for (String t : r.types()) if (!simpleName(t).equals("Object")) types.add(t);
        }
        // a file may name only a subtype (Jedis for JedisCommands) or the factory that hands one
        // out (JedisPool.getResource()): those names make it a starting point too
        Set<String> simple = new LinkedHashSet<>();
        for (String t : types) simple.add(simpleName(t));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String sub : SUPERS.keySet()) {
                if (!simple.contains(sub) && !Collections.disjoint(selfAndSupers(sub), simple)) grew |= simple.add(sub);
            }
            for (Factory f : FACTORIES) {
                if (!simple.contains(f.receiver()) && !Collections.disjoint(selfAndSupers(f.returns()), simple)) grew |= simple.add(f.receiver());
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (String name : simple) {
            String row = types.stream().filter(x -> simpleName(x).equals(name)).findFirst().orElse(null);
            String t = row != null ? row : FQN_BY_SIMPLE.getOrDefault(name, name);
            // a short name (KV, Txn, Cache), or a plain word reached only through the closure
            // (jetcd's Client), is part of too many other names: the package it comes from is the
            // word a file using it must contain (its import)
            boolean plainWord = name.chars().skip(1).noneMatch(Character::isUpperCase);
            int dot = t.lastIndexOf('.');
            out.add((name.length() < 6 || row == null && plainWord) && dot > 0 ? t.substring(0, dot) : name);
        }
        return out;
    }

    /** The method names of every row with one of these meanings. */
    public static Set<String> methodNames(Set<Meaning> meanings) {
        Set<String> out = new LinkedHashSet<>();
        for (Row r : rows()) if (!Collections.disjoint(r.meanings(), meanings)) out.add(r.method());
        return out;
    }

    /** Every row, for documentation and tests. */
    public static List<Row> rows() {
        return Collections.unmodifiableList(ROWS);
    }

    static boolean isZero(Expression e) {
        if (e instanceof IntegerLiteralExpr i) {
            return i.asNumber().longValue() == 0;
        }
        if (e instanceof LongLiteralExpr l) {
            return l.asNumber().longValue() == 0;
        }
        return false;
    }

    /**
     * The options of a Redis SET read from the argument's builder chain: Jedis
     * {@code SetParams.setParams().nx().px(ttl)}, Lettuce {@code SetArgs.Builder.nx().px(ttl)} or
     * {@code new SetArgs().nx().ex(ttl)}. Empty when the argument is not such a chain (a variable,
     * a call to a helper): the checks then say nothing.
     */
    public record SetOptions(boolean nx, boolean expiry) {
        private static final Set<String> EXPIRY = Set.of("px", "ex", "pxAt", "exAt", "keepTtl", "keepttl");

        public static Optional<SetOptions> of(Expression arg) {
            boolean nx = false;
            boolean expiry = false;
            Expression e = arg;
            while (e instanceof MethodCallExpr m) {
                String name = m.getNameAsString();
                if (name.equals("nx")) {
                    nx = true;
                } else if (EXPIRY.contains(name)) {
                    expiry = true;
                } else if (!name.equals("setParams") && !name.equals("xx") && !name.equals("get")) {
                    return Optional.empty();
                }
                Optional<Expression> scope = m.getScope();
                if (scope.isEmpty()) {
                    break;
                }
                e = scope.get();
            }
            if (e instanceof ObjectCreationExpr n && !n.getType().getNameAsString().matches("SetArgs|SetParams")) {
                return Optional.empty();
            }
            if (e instanceof MethodCallExpr || e instanceof ObjectCreationExpr
                    || e.toString().matches("(SetArgs\\.Builder|Builder|SetParams|redis\\.clients\\.jedis\\.params\\.SetParams)")) {
                return Optional.of(new SetOptions(nx, expiry));
            }
            return Optional.empty();
        }
    }
}
