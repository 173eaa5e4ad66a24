package lockcheck.samples.distributed.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import lockcheck.samples.distributed.LocalServer;
import redis.clients.jedis.Jedis;

/**
 * LC102 on a real redis-server. Three clients A, B, C (three connections) follow one fixed schedule
 * per round, the same for both lock forms:
 * <ol>
 *   <li>A takes the lock and enters the critical section;</li>
 *   <li>A pauses (a GC pause, a slow disk) until its lock has expired on the server;</li>
 *   <li>B takes the lock and enters;</li>
 *   <li>A resumes, leaves and releases;</li>
 *   <li>C tries the lock and enters if it got it;</li>
 *   <li>B leaves and releases, then C.</li>
 * </ol>
 * Each time a client enters, every other client inside whose lease has not yet expired (client-side
 * clock, measured from before its acquiring command, so conservatively early) counts as one
 * <em>live overlap</em>: two clients inside, both holding what they were told is a valid lock. With
 * {@link SetnxExpireLock} A's {@code DEL} removes B's lock and C enters next to B; with
 * {@link TokenLock} A's release deletes nothing and C is refused.
 * <p>
 * Both forms also let B in while the paused A still thinks it is inside (<em>raw overlaps</em>):
 * any lease-based lock does, once the holder outlives its lease; that needs fencing tokens at the
 * protected resource and is not what LC102 checks. Both numbers are printed.
 * <p>
 * A second scenario shows the crash between the two commands: the client dies right after taking
 * the lock; the {@code SETNX} key then has no expiry at all, the {@code SET NX PX} key expires.
 */
public final class RedisLockDemo {
    static final String KEY = "lockcheck:demo:lock";

    /** What one form did over the schedule. */
    public record ScheduleResult(String form, int rounds, int liveOverlaps, int rawOverlaps) {
        @Override
        public String toString() {
            return String.format("%-22s rounds=%d  live overlaps (two clients inside, both with an unexpired lock)=%d"
                    + "  raw overlaps (incl. a holder paused past its TTL)=%d", form, rounds, liveOverlaps, rawOverlaps);
        }
    }

    /** What happened after a client crashed right after taking the lock. */
    public record CrashResult(String form, long pttlAfterCrash, boolean reacquired, long waitedMillis) {
        @Override
        public String toString() {
            return String.format("%-22s PTTL right after the crash=%d ms (-1: no expiry)  lock taken again=%s (after %d ms)",
                    form, pttlAfterCrash, reacquired, waitedMillis);
        }
    }

    private final String host;
    private final int port;
    private final long ttlMillis;

    public RedisLockDemo(String host, int port, long ttlMillis) {
        this.host = host;
        this.port = port;
        this.ttlMillis = ttlMillis;
    }

    /** Runs the fixed schedule {@code rounds} times with one lock form. */
    public ScheduleResult runSchedule(String form, BiFunction<Jedis, String, RedisLock> newLock, int rounds)
            throws InterruptedException {
        try (Jedis admin = new Jedis(host, port); Jedis ja = new Jedis(host, port);
             Jedis jb = new Jedis(host, port); Jedis jc = new Jedis(host, port)) {
            RedisLock a = newLock.apply(ja, KEY);
            RedisLock b = newLock.apply(jb, KEY);
            RedisLock c = newLock.apply(jc, KEY);
            Section section = new Section(ttlMillis);
            for (int round = 0; round < rounds; round++) {
                admin.flushDB();
                long t = System.nanoTime();
                if (!a.tryAcquire()) {
                    throw new IllegalStateException("A could not take a free lock");
                }
                section.enter("A", t);
                awaitExpiry(admin, t);                  // A is paused past its TTL
                t = System.nanoTime();
                boolean bIn = b.tryAcquire();
                if (bIn) {
                    section.enter("B", t);
                }
                section.leave("A");                     // A resumes, finishes
                a.release();
                t = System.nanoTime();
                boolean cIn = c.tryAcquire();
                if (cIn) {
                    section.enter("C", t);
                }
                if (bIn) {
                    section.leave("B");
                    b.release();
                }
                if (cIn) {
                    section.leave("C");
                    c.release();
                }
            }
            return new ScheduleResult(form, rounds, section.liveOverlaps, section.rawOverlaps);
        }
    }

    /** A client takes the lock and dies; another client then tries, with a pause between attempts. */
    public CrashResult runCrash(String form, BiFunction<Jedis, String, RedisLock> newLock)
            throws InterruptedException {
        try (Jedis admin = new Jedis(host, port); Jedis other = new Jedis(host, port)) {
            admin.flushDB();
            try (Jedis dying = new Jedis(host, port)) {
                if (!newLock.apply(dying, KEY).acquireThenCrash()) {
                    throw new IllegalStateException("could not take a free lock");
                }
            }
            long pttl = admin.pttl(KEY);
            RedisLock next = newLock.apply(other, KEY);
            long start = System.nanoTime();
            long step = Math.max(10, ttlMillis / 10);
            for (int attempt = 0; attempt < 30; attempt++) {
                if (next.tryAcquire()) {
                    next.release();
                    return new CrashResult(form, pttl, true, (System.nanoTime() - start) / 1_000_000);
                }
                Thread.sleep(step);
            }
            return new CrashResult(form, pttl, false, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private void awaitExpiry(Jedis admin, long acquiredAtNanos) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (admin.exists(KEY) || System.nanoTime() - acquiredAtNanos <= ttlMillis * 1_000_000) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the lock did not expire within 10 s");
            }
            Thread.sleep(10);
        }
    }

    /** Who is inside the critical section, and until when each believes its lock is valid. */
    private static final class Section {
        private final long ttlNanos;
        private final Map<String, Long> leaseEnds = new LinkedHashMap<>();
        int liveOverlaps;
        int rawOverlaps;

        Section(long ttlMillis) {
            this.ttlNanos = ttlMillis * 1_000_000;
        }

        void enter(String client, long acquireStartedNanos) {
            long now = System.nanoTime();
            for (long leaseEnd : leaseEnds.values()) {
                rawOverlaps++;
                if (leaseEnd > now) {
                    liveOverlaps++;
                }
            }
            leaseEnds.put(client, acquireStartedNanos + ttlNanos);
        }

        void leave(String client) {
            leaseEnds.remove(client);
        }
    }

    /** Both forms over the same schedule, then the crash scenario; returns the printed lines. */
    public List<String> runAll(int rounds) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        lines.add(runSchedule("SETNX+EXPIRE / DEL", (j, k) -> new SetnxExpireLock(j, k, ttlMillis), rounds).toString());
        lines.add(runSchedule("SET NX PX / Lua CAD", (j, k) -> new TokenLock(j, k, ttlMillis), rounds).toString());
        lines.add(runCrash("SETNX+EXPIRE / DEL", (j, k) -> new SetnxExpireLock(j, k, ttlMillis)).toString());
        lines.add(runCrash("SET NX PX / Lua CAD", (j, k) -> new TokenLock(j, k, ttlMillis)).toString());
        return lines;
    }

    /** {@code java ... RedisLockDemo [host port]}: without arguments starts its own redis-server. */
    public static void main(String[] args) throws Exception {
        if (args.length == 2) {
            new RedisLockDemo(args[0], Integer.parseInt(args[1]), 500).runAll(3).forEach(System.out::println);
            return;
        }
        try (LocalServer redis = LocalServer.startRedis()) {
            System.out.println("redis-server on " + redis.host() + ":" + redis.port());
            new RedisLockDemo(redis.host(), redis.port(), 500).runAll(3).forEach(System.out::println);
        }
    }
}
