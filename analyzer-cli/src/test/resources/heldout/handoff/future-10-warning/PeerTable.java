// Warning: the wait is timed (get with 2 s). The probe task reads peers (a first read hold on the pool thread), so
// with put() queued for the write lock the probe parks; refresh() gives up after the timeout (TimeoutException),
// releases the read hold, and everything moves again: a stall each time, not a hang.
package heldout.handoff.future10;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class PeerTable {
    private final ReentrantReadWriteLock peers = new ReentrantReadWriteLock();
    private final Map<String, Integer> latency = new HashMap<>();
    private final ExecutorService probes;

    public PeerTable(ExecutorService probes) {
        this.probes = probes;
    }

    public int refresh(String peer) throws InterruptedException, ExecutionException, TimeoutException {
        peers.readLock().lock();
        try {
            Future<Integer> probe = probes.submit(() -> measure(peer));
            return probe.get(2, TimeUnit.SECONDS); // expect: LC001 warning
        } finally {
            peers.readLock().unlock();
        }
    }

    private int measure(String peer) {
        peers.readLock().lock();
        try {
            return latency.getOrDefault(peer, 0) + 1;
        } finally {
            peers.readLock().unlock();
        }
    }

    public void put(String peer, int ms) {
        peers.writeLock().lock();
        try {
            latency.put(peer, ms);
        } finally {
            peers.writeLock().unlock();
        }
    }
}
