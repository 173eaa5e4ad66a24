package lockcheck.samples.distributed.polling;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.springframework.data.redis.core.StringRedisTemplate;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

/**
 * LC101 with distributed lock clients (error): every failed attempt is a network round trip and,
 * for Redis and etcd, a write the server must process (and replicate). Each bad form sits next to
 * its fixed form. The Redis attempts here all set an expiry, so only LC101 applies; the setnx loop
 * is also LC102.
 */
public final class DistributedTryLockLoops {
    private final RedissonClient redisson;
    private final InterProcessMutex mutex;
    private final Jedis jedis;
    private final RedisCommands<String, String> lettuce;
    private final StringRedisTemplate template;
    private int counter;

    public DistributedTryLockLoops(RedissonClient redisson, InterProcessMutex mutex, Jedis jedis,
                                   RedisCommands<String, String> lettuce, StringRedisTemplate template) {
        this.redisson = redisson;
        this.mutex = mutex;
        this.jedis = jedis;
        this.lettuce = lettuce;
        this.template = template;
    }

    /** Bad: Redisson tryLock() in a spin. */
    public void redissonSpin() {
        RLock lock = redisson.getLock("orders");
        while (!lock.tryLock()) { // expect: LC101
        }
        try {
            counter++;
        } finally {
            lock.unlock();
        }
    }

    /** Bad: a wait time of 0 is no wait. */
    public void redissonZeroWait() throws InterruptedException {
        RLock lock = redisson.getLock("orders");
        while (!lock.tryLock(0, 30, TimeUnit.SECONDS)) { // expect: LC101
            counter--;
        }
        try {
            counter++;
        } finally {
            lock.unlock();
        }
    }

    /** Fixed: a wait time lets Redisson wait for the unlock message (pub/sub) between attempts. */
    public void redissonWaiting() throws InterruptedException {
        RLock lock = redisson.getLock("orders");
        while (!lock.tryLock(5, 30, TimeUnit.SECONDS)) {
            counter--;
        }
        try {
            counter++;
        } finally {
            lock.unlock();
        }
    }

    /** Bad: Curator acquire(0, unit) returns at once. */
    public void curatorSpin() throws Exception {
        while (!mutex.acquire(0, TimeUnit.MILLISECONDS)) { // expect: LC101
            counter--;
        }
        try {
            counter++;
        } finally {
            mutex.release();
        }
    }

    /** Fixed: acquire with a timeout waits on a ZooKeeper watch for the predecessor node. */
    public void curatorWaiting() throws Exception {
        while (!mutex.acquire(10, TimeUnit.SECONDS)) {
            counter--;
        }
        try {
            counter++;
        } finally {
            mutex.release();
        }
    }

    /** Bad: SETNX in a spin (and no expiry in the same command: LC102 too). */
    public String jedisSetnxSpin(String token) {
        while (jedis.setnx("lock:orders", token) == 0) { // expect: LC101 LC102
            counter--;
        }
        return token;
    }

    /** Bad: a correct SET NX PX, retried with nothing between attempts. */
    public String jedisSetNxPxSpin(String token) {
        while (!"OK".equals(jedis.set("lock:orders", token, SetParams.setParams().nx().px(30_000)))) { // expect: LC101
            counter--;
        }
        return token;
    }

    /** Fixed: back off between attempts. */
    public String jedisSetNxPxBackoff(String token) throws InterruptedException {
        while (!"OK".equals(jedis.set("lock:orders", token, SetParams.setParams().nx().px(30_000)))) {
            Thread.sleep(50);
        }
        return token;
    }

    /** Bad: Lettuce SET NX PX in a spin. */
    public String lettuceSpin(String token) {
        while (!"OK".equals(lettuce.set("lock:orders", token, SetArgs.Builder.nx().px(30_000)))) { // expect: LC101
            counter--;
        }
        return token;
    }

    /** Bad: Spring setIfAbsent with a timeout, in a spin. */
    public String springSpin(String token) {
        while (!Boolean.TRUE.equals(template.opsForValue().setIfAbsent("lock:orders", token, Duration.ofSeconds(30)))) { // expect: LC101
            counter--;
        }
        return token;
    }

    /** Fixed: Spring setIfAbsent with a backoff. */
    public String springBackoff(String token) throws InterruptedException {
        while (!Boolean.TRUE.equals(template.opsForValue().setIfAbsent("lock:orders", token, Duration.ofSeconds(30)))) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return token;
    }
}
