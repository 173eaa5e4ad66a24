package lockcheck.samples.distributed.redis;

import org.redisson.RedissonMultiLock;
import org.redisson.RedissonRedLock;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

/**
 * LC102 (warning) for RedLock sizes: a RedLock needs a majority of its nodes ({@code n/2 + 1}).
 * An even size buys nothing over the odd size below it: 4 nodes need 3, tolerating one failed
 * node like 3 nodes do, with one more node that can fail; 2 nodes need both. And two contenders
 * can split an even set half and half, so neither wins and both back off and retry. Odd sizes are
 * clean; a MultiLock needs every lock (no quorum), so any size is clean. (Redisson deprecates
 * RedissonRedLock in favour of a plain RLock on a Redis cluster; code bases still build them.)
 */
@SuppressWarnings("deprecation")
public final class RedLockSizes {
    private final RedissonClient a;
    private final RedissonClient b;
    private final RedissonClient c;
    private final RedissonClient d;
    private final RedissonClient e;

    public RedLockSizes(RedissonClient a, RedissonClient b, RedissonClient c, RedissonClient d, RedissonClient e) {
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
        this.e = e;
    }

    public RLock two() {
        return new RedissonRedLock(a.getLock("job"), b.getLock("job")); // expect: LC102
    }

    public RLock four() {
        RLock l1 = a.getLock("job");
        RLock l2 = b.getLock("job");
        RLock l3 = c.getLock("job");
        RLock l4 = d.getLock("job");
        return new RedissonRedLock(l1, l2, l3, l4); // expect: LC102
    }

    public RLock fourFromFactory() {
        return a.getRedLock(a.getLock("job"), b.getLock("job"), c.getLock("job"), d.getLock("job")); // expect: LC102
    }

    public RLock three() {
        return new RedissonRedLock(a.getLock("job"), b.getLock("job"), c.getLock("job"));
    }

    public RLock five() {
        return new RedissonRedLock(a.getLock("job"), b.getLock("job"), c.getLock("job"), d.getLock("job"), e.getLock("job"));
    }

    public RLock multiOfTwo() {
        return new RedissonMultiLock(a.getLock("job"), b.getLock("job"));
    }

    /** An array argument: the size is not known here, so nothing is said. */
    public RLock ofArray(RLock[] locks) {
        return new RedissonRedLock(locks);
    }

    /** A RedLock used with the lock()/finally unlock() idiom. */
    public void runExclusively(Runnable job) {
        RLock lock = three();
        lock.lock();
        try {
            job.run();
        } finally {
            lock.unlock();
        }
    }
}
