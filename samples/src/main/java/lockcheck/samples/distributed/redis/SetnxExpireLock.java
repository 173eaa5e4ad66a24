package lockcheck.samples.distributed.redis;

import redis.clients.jedis.Jedis;

/**
 * The seed incident's Redis lock: {@code SETNX} then {@code EXPIRE} in a second command, released
 * with a plain {@code DEL}. Two flaws, both LC102:
 * <ul>
 *   <li>the expiry is not part of the command that takes the lock: a crash between the two
 *       commands leaves a lock that never expires;</li>
 *   <li>{@code DEL} does not check who owns the key: a client whose lock expired while it was
 *       paused deletes the lock the next owner now holds, and a third client walks in.</li>
 * </ul>
 * The fixed form is {@link TokenLock}.
 */
public final class SetnxExpireLock implements RedisLock {
    private final Jedis jedis;
    private final String key;
    private final long ttlMillis;

    public SetnxExpireLock(Jedis jedis, String key, long ttlMillis) {
        this.jedis = jedis;
        this.key = key;
        this.ttlMillis = ttlMillis;
    }

    @Override
    public boolean tryAcquire() {
        if (jedis.setnx(key, "locked") == 1) { // expect: LC102
            jedis.pexpire(key, ttlMillis);
            return true;
        }
        return false;
    }

    @Override
    public void release() {
        jedis.del(key); // expect: LC102
    }

    @Override
    public boolean acquireThenCrash() {
        return jedis.setnx(key, "locked") == 1; // expect: LC102
    }
}
