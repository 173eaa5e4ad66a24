package lockcheck.samples.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lockcheck.samples.distributed.redis.RedisLockDemo;
import lockcheck.samples.distributed.redis.SetnxExpireLock;
import lockcheck.samples.distributed.redis.TokenLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class RedisLockDemoIT {
    private static final long TTL_MS = 500;
    private static LocalServer redis;

    @BeforeAll
    static void startRedis() throws Exception {
        RealServers.requireBinary("redis-server", "redis-server");
        redis = LocalServer.startRedis();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    private RedisLockDemo demo() {
        return new RedisLockDemo(redis.host(), redis.port(), TTL_MS);
    }

    @Test
    void plainDelOfAnExpiredHolder_letsTwoClientsWithLiveLocksIn_tokenAndLuaReleaseNever() throws Exception {
        RedisLockDemo.ScheduleResult unsafe =
                demo().runSchedule("SETNX+EXPIRE / DEL", (j, k) -> new SetnxExpireLock(j, k, TTL_MS), 3);
        RedisLockDemo.ScheduleResult safe =
                demo().runSchedule("SET NX PX / Lua CAD", (j, k) -> new TokenLock(j, k, TTL_MS), 3);
        System.out.println("[LC102 redis] " + unsafe);
        System.out.println("[LC102 redis] " + safe);
        assertTrue(unsafe.liveOverlaps() > 0, "the DEL of the next owner's lock should let a third client in: " + unsafe);
        assertEquals(0, safe.liveOverlaps(), "compare-and-delete must never free another client's lock: " + safe);
    }

    @Test
    void crashBetweenSetnxAndExpire_leavesALockThatNeverExpires_setNxPxExpires() throws Exception {
        RedisLockDemo.CrashResult unsafe = demo().runCrash("SETNX+EXPIRE / DEL", (j, k) -> new SetnxExpireLock(j, k, TTL_MS));
        RedisLockDemo.CrashResult safe = demo().runCrash("SET NX PX / Lua CAD", (j, k) -> new TokenLock(j, k, TTL_MS));
        System.out.println("[LC102 redis] " + unsafe);
        System.out.println("[LC102 redis] " + safe);
        assertEquals(-1, unsafe.pttlAfterCrash(), "a SETNX key has no expiry until EXPIRE runs");
        assertFalse(unsafe.reacquired(), "nobody can take a lock that never expires");
        assertTrue(safe.pttlAfterCrash() > 0, "SET NX PX sets the expiry with the key");
        assertTrue(safe.reacquired(), "the lock of a crashed SET NX PX client expires and can be taken");
    }
}
