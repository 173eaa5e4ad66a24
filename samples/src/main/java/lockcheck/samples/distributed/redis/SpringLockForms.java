package lockcheck.samples.distributed.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ValueOperations;
import org.springframework.data.redis.core.script.RedisScript;

/** LC102 with Spring Data Redis: {@code setIfAbsent} with and without a timeout, delete vs a script. */
public final class SpringLockForms {
    private static final String LOCK = "lock:report";
    private static final RedisScript<Long> RELEASE = RedisScript.of(TokenLock.RELEASE_SCRIPT, Long.class);

    private final StringRedisTemplate template;

    public SpringLockForms(StringRedisTemplate template) {
        this.template = template;
    }

    /** Bad: setIfAbsent without a timeout is SETNX. */
    public boolean setIfAbsentForever(String token) {
        return Boolean.TRUE.equals(template.opsForValue().setIfAbsent(LOCK, token)); // expect: LC102
    }

    /** Bad: the expiry set afterwards, through a local of the operations view. */
    public boolean setIfAbsentThenExpire(String token) {
        ValueOperations<String, String> ops = template.opsForValue();
        if (Boolean.TRUE.equals(ops.setIfAbsent(LOCK, token))) { // expect: LC102
            template.expire(LOCK, Duration.ofSeconds(30));
            return true;
        }
        return false;
    }

    /** Fixed: the timeout travels with the key. */
    public boolean setIfAbsentWithTimeout(String token) {
        return Boolean.TRUE.equals(template.opsForValue().setIfAbsent(LOCK, token, Duration.ofSeconds(30)));
    }

    /** Fixed: the (timeout, unit) form. */
    public boolean setIfAbsentWithUnit(String token) {
        return Boolean.TRUE.equals(template.opsForValue().setIfAbsent(LOCK, token, 30, TimeUnit.SECONDS));
    }

    /** Bad: delete() whoever holds it. */
    public void release() {
        template.delete(LOCK); // expect: LC102
    }

    /** Fixed: compare-and-delete script. */
    public void releaseChecked(String token) {
        template.execute(RELEASE, List.of(LOCK), token);
    }

    /** Clean look-alike: evicting a cached report is not a lock release. */
    public void evict(String id) {
        template.delete("report:" + id);
    }
}
