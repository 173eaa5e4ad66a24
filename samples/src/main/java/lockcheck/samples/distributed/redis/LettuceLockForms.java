package lockcheck.samples.distributed.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/** LC102 with Lettuce: the same forms as {@link JedisLockForms}, through a connection's sync API. */
public final class LettuceLockForms {
    private static final String LOCK = "lock:shipment";

    private final RedisCommands<String, String> redis;

    public LettuceLockForms(StatefulRedisConnection<String, String> connection) {
        this.redis = connection.sync();
    }

    /** Bad: SETNX, expiry in a second command. */
    public boolean setnxThenPexpire(String token) {
        if (redis.setnx(LOCK, token)) { // expect: LC102
            redis.pexpire(LOCK, 30_000);
            return true;
        }
        return false;
    }

    /** Bad: SET NX without an expiry. */
    public boolean setNxOnly(String token) {
        return "OK".equals(redis.set(LOCK, token, SetArgs.Builder.nx())); // expect: LC102
    }

    /** Fixed: SET NX PX. */
    public boolean setNxPx(String token) {
        return "OK".equals(redis.set(LOCK, token, SetArgs.Builder.nx().px(30_000)));
    }

    /** Fixed: the builder the other way round. */
    public boolean setExNx(String token) {
        return "OK".equals(redis.set(LOCK, token, new SetArgs().ex(30).nx()));
    }

    /** Bad: DEL without an ownership check. */
    public void release() {
        redis.del(LOCK); // expect: LC102
    }

    /** Fixed: compare-and-delete in Lua. */
    public void releaseChecked(String token) {
        redis.eval(TokenLock.RELEASE_SCRIPT, ScriptOutputType.INTEGER, new String[] {LOCK}, token);
    }
}
