package lockcheck.samples.distributed.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The etcd mutex of the seed incident, in jetcd: the same steps as Go's
 * {@code concurrency.Mutex.TryLock}. An attempt puts this client's key under the lock prefix, asks
 * which key under the prefix was created first, and if that is not its own, deletes its key again
 * and fails. A failed attempt is therefore two writes, each a Raft proposal that bumps the store
 * revision, whatever the outcome.
 */
public final class EtcdTryMutex {
    private static final long TIMEOUT_S = 10;
    private static final ByteSequence HELD = ByteSequence.from("held", StandardCharsets.UTF_8);

    private final KV kv;
    private final ByteSequence prefix;
    private final ByteSequence myKey;
    private ByteSequence lastOwner;
    private long lastOwnerSeenAt;

    public EtcdTryMutex(KV kv, String prefix, String client) {
        this.kv = kv;
        this.prefix = ByteSequence.from(prefix, StandardCharsets.UTF_8);
        this.myKey = ByteSequence.from(prefix + client, StandardCharsets.UTF_8);
    }

    /** One attempt: put, look, and delete again when another key was first. */
    public boolean tryLock() throws InterruptedException, ExecutionException, TimeoutException {
        kv.put(myKey, HELD).get(TIMEOUT_S, TimeUnit.SECONDS);
        GetOption first = GetOption.builder().isPrefix(true)
                .withSortField(GetOption.SortTarget.CREATE).withSortOrder(GetOption.SortOrder.ASCEND)
                .withLimit(1).build();
        GetResponse owners = kv.get(prefix, first).get(TIMEOUT_S, TimeUnit.SECONDS);
        KeyValue owner = owners.getKvs().get(0);
        if (owner.getKey().equals(myKey)) {
            return true;
        }
        lastOwner = owner.getKey();
        lastOwnerSeenAt = owners.getHeader().getRevision();
        kv.delete(myKey).get(TIMEOUT_S, TimeUnit.SECONDS);
        return false;
    }

    public void unlock() throws InterruptedException, ExecutionException, TimeoutException {
        kv.delete(myKey).get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    /**
     * Watches the key that owned the lock at the last failed attempt, from the revision at which it
     * was seen, and runs {@code onRelease} when it is deleted. Watching writes nothing.
     */
    public Watch.Watcher watchOwner(Watch watch, Runnable onRelease) {
        WatchOption from = WatchOption.builder().withRevision(lastOwnerSeenAt + 1).build();
        return watch.watch(lastOwner, from, response -> {
            for (WatchEvent event : response.getEvents()) {
                if (event.getEventType() == WatchEvent.EventType.DELETE) {
                    onRelease.run();
                }
            }
        });
    }
}
