package lockcheck.samples.distributed.cache;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The seed incident's groupcache peers, with Guava: each peer's cache, on a miss, asks the other
 * peer's cache for the key. Peer A loading "k" asks B for "k"; B, loading "k" at the same moment,
 * asks A. Each waits for the other's load to finish: a deadlock that no lock-based detector sees.
 * LC103 reports each loader's call into the other cache, since that cache's loader comes back.
 * {@link #main} runs it with two threads and a time limit.
 */
public final class PeerCaches {
    private final CountDownLatch bothMissed = new CountDownLatch(2);
    private final LoadingCache<String, String> peerA = CacheBuilder.newBuilder().build(CacheLoader.from(this::askB));
    private final LoadingCache<String, String> peerB = CacheBuilder.newBuilder().build(CacheLoader.from(this::askA));

    private String askB(String key) {
        missed();
        return "A(" + peerB.getUnchecked(key) + ")"; // expect: LC103
    }

    private String askA(String key) {
        missed();
        return "B(" + peerA.getUnchecked(key) + ")"; // expect: LC103
    }

    /** Both peers start loading before either asks the other: the incident's timing, made certain. */
    private void missed() {
        bothMissed.countDown();
        try {
            bothMissed.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Peer A and peer B each get "k" on their own thread; returns what happened within the limit. */
    public static String run(long limitMillis) throws InterruptedException {
        PeerCaches peers = new PeerCaches();
        AtomicReference<Object> a = new AtomicReference<>();
        AtomicReference<Object> b = new AtomicReference<>();
        Thread ta = new Thread(() -> a.set(outcome(() -> peers.peerA.getUnchecked("k"))), "peer-A");
        Thread tb = new Thread(() -> b.set(outcome(() -> peers.peerB.getUnchecked("k"))), "peer-B");
        ta.setDaemon(true);
        tb.setDaemon(true);
        ta.start();
        tb.start();
        ta.join(limitMillis);
        tb.join(Math.max(1, limitMillis / 10));
        if (ta.isAlive() && tb.isAlive()) {
            return "HUNG: both peers still loading \"k\" after " + limitMillis + " ms (each waits for the other's load)";
        }
        return "peer A: " + a.get() + ", peer B: " + b.get();
    }

    private static Object outcome(java.util.function.Supplier<Object> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return e;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println(run(5_000));
    }
}
