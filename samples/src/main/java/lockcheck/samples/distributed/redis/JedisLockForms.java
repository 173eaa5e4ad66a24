package lockcheck.samples.distributed.redis;

import java.util.List;
import java.util.UUID;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

/**
 * LC102 with Jedis: each way of taking or releasing a Redis lock, unsafe next to safe, and Redis
 * calls on non-lock keys that must stay quiet.
 */
public final class JedisLockForms {
    private static final String LOCK = "lock:invoice";
    private static final String RELEASE =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private final Jedis jedis;
    private final String token = UUID.randomUUID().toString();

    public JedisLockForms(Jedis jedis) {
        this.jedis = jedis;
    }

    /** Bad: no expiry at all; a crashed holder keeps the lock forever. */
    public boolean setnxAlone() {
        return jedis.setnx(LOCK, token) == 1; // expect: LC102
    }

    /** Bad: the expiry comes in a second command; a crash in between is the same as no expiry. */
    public boolean setnxThenExpire() {
        if (jedis.setnx(LOCK, token) == 1) { // expect: LC102
            jedis.expire(LOCK, 30);
            return true;
        }
        return false;
    }

    /** Bad: SET NX without PX/EX. */
    public boolean setNxWithoutTtl() {
        return "OK".equals(jedis.set(LOCK, token, SetParams.setParams().nx())); // expect: LC102
    }

    /** Fixed: the key and its expiry in one command. */
    public boolean setNxPx() {
        return "OK".equals(jedis.set(LOCK, token, SetParams.setParams().nx().px(30_000)));
    }

    /** Fixed: EX works as well as PX. */
    public boolean setNxEx() {
        return "OK".equals(jedis.set(LOCK, token, SetParams.setParams().ex(30).nx()));
    }

    /** Bad: DEL removes the lock whoever holds it now. */
    public void releaseWithDel() {
        jedis.del(LOCK); // expect: LC102
    }

    /** Fixed: delete only if the key still holds this client's token, atomically. */
    public void releaseChecked() {
        jedis.eval(RELEASE, List.of(LOCK), List.of(token));
    }

    /** Clean look-alike: deleting a cache entry is not releasing a lock. */
    public void evict(String id) {
        jedis.del("cache:invoice:" + id);
    }

    /** Clean look-alike: a plain SET (no NX) is a write, not a lock. */
    public void remember(String id, String value) {
        jedis.set("cache:invoice:" + id, value);
        jedis.expire("cache:invoice:" + id, 60);
    }
}
