package lockcheck.samples.distributed.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.Watch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lockcheck.samples.distributed.LocalServer;

/**
 * LC101 on a real etcd: a holder owns the mutex; a contender wants it.
 * <ul>
 *   <li>Polling form (the incident): the contender calls {@link EtcdTryMutex#tryLock()} in a loop
 *       with nothing between attempts. The holder lets go after the contender's N-th failure.</li>
 *   <li>Watch-then-try form (the fix): after a failed attempt the contender watches the owner's key
 *       and tries again only once it is deleted. The holder lets go after as long as the polling
 *       form took.</li>
 * </ul>
 * Both measure how far the store revision (one step per Raft-committed write) moved.
 */
public final class EtcdTryLockDemo {
    private static final String PREFIX = "lockcheck/demo/mutex/";

    /** What one form cost. */
    public record Result(String form, int failedAttempts, long heldMillis, long revisionGrowth) {
        @Override
        public String toString() {
            return String.format("%-14s failed attempts=%d  lock held by the other client for %d ms  store revision grew by %d",
                    form, failedAttempts, heldMillis, revisionGrowth);
        }
    }

    private final Client client;
    private final KV kv;

    public EtcdTryLockDemo(Client client) {
        this.client = client;
        this.kv = client.getKVClient();
    }

    /** The incident: retry the try-lock until it succeeds; the holder lets go after {@code attempts} failures. */
    public Result polling(int attempts) throws InterruptedException, ExecutionException, TimeoutException {
        EtcdTryMutex holder = new EtcdTryMutex(kv, PREFIX, "holder");
        EtcdTryMutex contender = new EtcdTryMutex(kv, PREFIX, "contender");
        if (!holder.tryLock()) {
            throw new IllegalStateException("the holder could not take a free mutex");
        }
        long before = revision();
        long start = System.nanoTime();
        int failed = 0;
        while (!contender.tryLock()) { // expect: LC101
            failed++;
            if (failed == attempts) {
                holder.unlock();
            }
            if (failed > attempts + 1000) {
                throw new IllegalStateException("the contender never got the mutex");
            }
        }
        long heldMillis = (System.nanoTime() - start) / 1_000_000;
        long growth = revision() - before;
        contender.unlock();
        return new Result("polling", failed, heldMillis, growth);
    }

    /** The fix: after a failed attempt, wait for the owner's key to be deleted before trying again. */
    public Result watchThenTry(long holdMillis) throws InterruptedException, ExecutionException, TimeoutException {
        EtcdTryMutex holder = new EtcdTryMutex(kv, PREFIX, "holder");
        EtcdTryMutex contender = new EtcdTryMutex(kv, PREFIX, "contender");
        if (!holder.tryLock()) {
            throw new IllegalStateException("the holder could not take a free mutex");
        }
        long before = revision();
        long start = System.nanoTime();
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(holdMillis);
                holder.unlock();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "etcd-holder");
        releaser.start();
        Watch watch = client.getWatchClient();
        int failed = 0;
        while (!contender.tryLock()) {
            failed++;
            CountDownLatch released = new CountDownLatch(1);
            Watch.Watcher watcher = contender.watchOwner(watch, released::countDown);
            try {
                if (!released.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the holder never let go");
                }
            } finally {
                watcher.close();
            }
        }
        long heldMillis = (System.nanoTime() - start) / 1_000_000;
        releaser.join(TimeUnit.SECONDS.toMillis(30));
        long growth = revision() - before;
        contender.unlock();
        return new Result("watch-then-try", failed, heldMillis, growth);
    }

    private long revision() throws InterruptedException, ExecutionException, TimeoutException {
        return kv.get(ByteSequence.from(PREFIX, StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS).getHeader().getRevision();
    }

    /** Both forms, the watch form holding the lock as long as the polling form did. */
    public List<Result> runBoth(int attempts) throws InterruptedException, ExecutionException, TimeoutException {
        Result polling = polling(attempts);
        Result watching = watchThenTry(Math.max(200, polling.heldMillis()));
        return List.of(polling, watching);
    }

    /** {@code java ... EtcdTryLockDemo [endpoint]}: without an endpoint starts its own etcd. */
    public static void main(String[] args) throws Exception {
        int attempts = 200;
        if (args.length == 1) {
            try (Client client = Client.builder().endpoints(args[0]).build()) {
                new EtcdTryLockDemo(client).runBoth(attempts).forEach(System.out::println);
            }
            return;
        }
        try (LocalServer etcd = LocalServer.startEtcd();
             Client client = Client.builder().endpoints("http://" + etcd.host() + ":" + etcd.port()).build()) {
            System.out.println("etcd on " + etcd.host() + ":" + etcd.port());
            new EtcdTryLockDemo(client).runBoth(attempts).forEach(System.out::println);
        }
    }
}
