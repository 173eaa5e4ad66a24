package lockcheck.samples.distributed.redis;

import java.util.List;
import java.util.UUID;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

/**
 * The fixed form of {@link SetnxExpireLock}: one {@code SET key token NX PX ttl} takes the lock and
 * its expiry atomically, and a Lua script deletes the key only if it still holds this client's
 * token. Clean for LC102.
 */
public final class TokenLock implements RedisLock {
    /** Compare-and-delete: the release checks ownership in the same atomic step. */
    static final String RELEASE_SCRIPT =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private final Jedis jedis;
    private final String key;
    private final long ttlMillis;
    private final String token = UUID.randomUUID().toString();

    public TokenLock(Jedis jedis, String key, long ttlMillis) {
        this.jedis = jedis;
        this.key = key;
        this.ttlMillis = ttlMillis;
    }

    @Override
    public boolean tryAcquire() {
        return "OK".equals(jedis.set(key, token, SetParams.setParams().nx().px(ttlMillis)));
    }

    @Override
    public void release() {
        jedis.eval(RELEASE_SCRIPT, List.of(key), List.of(token));
    }

    @Override
    public boolean acquireThenCrash() {
        return tryAcquire();
    }
}
