package lockcheck.samples.distributed.polling;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.PutOption;
import io.etcd.jetcd.options.WatchOption;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * LC101 with etcd compare-and-set lock attempts (jetcd): "put the lock key if nobody created it"
 * retried in a loop. Every attempt is a transaction with a write in it, so etcd runs it through
 * Raft whether or not it succeeds. The put-then-delete form of the incident is
 * {@code lockcheck.samples.distributed.etcd.EtcdTryLockDemo}.
 */
public final class EtcdTxnLoops {
    private static final ByteSequence KEY = ByteSequence.from("locks/orders", StandardCharsets.UTF_8);

    private final Client client;
    private final KV kv;
    private final ByteSequence me;

    public EtcdTxnLoops(Client client, String name) {
        this.client = client;
        this.kv = client.getKVClient();
        this.me = ByteSequence.from(name, StandardCharsets.UTF_8);
    }

    /** Bad: the create-if-absent transaction, retried at once. */
    public void txnSpin() throws Exception {
        while (!kv.txn().If(new Cmp(KEY, Cmp.Op.EQUAL, CmpTarget.createRevision(0))).Then(Op.put(KEY, me, PutOption.DEFAULT)).commit().get().isSucceeded()) { // expect: LC101
            Thread.onSpinWait();
        }
    }

    /** Fixed: after a failed attempt, wait for the holder's key to be deleted. */
    public void txnWatchThenTry() throws Exception {
        Watch watch = client.getWatchClient();
        while (!kv.txn().If(new Cmp(KEY, Cmp.Op.EQUAL, CmpTarget.createRevision(0))).Then(Op.put(KEY, me, PutOption.DEFAULT)).commit().get().isSucceeded()) {
            GetResponse now = kv.get(KEY).get();
            CountDownLatch deleted = new CountDownLatch(1);
            WatchOption from = WatchOption.builder().withRevision(now.getHeader().getRevision() + 1).build();
            Watch.Watcher watcher = watch.watch(KEY, from, r -> deleted.countDown());
            try {
                deleted.await(10, TimeUnit.SECONDS);
            } finally {
                watcher.close();
            }
        }
    }

    /** Clean look-alike: an optimistic update retried on a fresh mod revision is not a lock attempt. */
    public void optimisticIncrement() throws Exception {
        boolean done = false;
        while (!done) {
            GetResponse current = kv.get(KEY).get();
            long modRevision = current.getKvs().isEmpty() ? 0 : current.getKvs().get(0).getModRevision();
            ByteSequence next = ByteSequence.from(Long.toString(modRevision + 1), StandardCharsets.UTF_8);
            done = kv.txn().If(new Cmp(KEY, Cmp.Op.EQUAL, CmpTarget.modRevision(modRevision)))
                    .Then(Op.put(KEY, next, PutOption.DEFAULT)).commit().get().isSucceeded();
        }
    }
}
