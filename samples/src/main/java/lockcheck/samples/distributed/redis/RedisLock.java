package lockcheck.samples.distributed.redis;

/** What the schedule in {@link RedisLockDemo} needs from a Redis lock: one attempt, one release. */
public interface RedisLock {
    /** One attempt; true when this client now holds the lock. */
    boolean tryAcquire();

    /** Gives the lock back (what that means is the whole difference between the two forms). */
    void release();

    /** The seed bug's crash: the process dies right after taking the lock, before anything else. */
    boolean acquireThenCrash();
}
