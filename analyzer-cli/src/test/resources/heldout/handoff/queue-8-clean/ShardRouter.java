// Clean: route() holds routesLock.read across a SynchronousQueue put, and both locks have writers, but the only
// taker (the worker, started here) takes statsLock, another lock instance: a writer queued on routesLock
// cannot park it, so the put always completes. Same class, same type, different field: not the same lock.
package heldout.handoff.queue8;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class ShardRouter {
    private final ReentrantReadWriteLock routesLock = new ReentrantReadWriteLock();
    private final ReentrantReadWriteLock statsLock = new ReentrantReadWriteLock();
    private final Map<String, Integer> routes = new HashMap<>();
    private final Map<Integer, Long> hits = new HashMap<>();
    private final SynchronousQueue<Integer> work = new SynchronousQueue<>();

    public ShardRouter() {
        new Thread(this::worker, "shard-worker").start();
    }

    public void route(String key) throws InterruptedException {
        routesLock.readLock().lock();
        try {
            work.put(routes.getOrDefault(key, 0));
        } finally {
            routesLock.readLock().unlock();
        }
    }

    private void worker() {
        try {
            while (true) {
                int shard = work.take();
                countHit(shard);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void countHit(int shard) {
        statsLock.writeLock().lock();
        try {
            hits.merge(shard, 1L, Long::sum);
        } finally {
            statsLock.writeLock().unlock();
        }
    }

    public long hitsOf(int shard) {
        statsLock.readLock().lock();
        try {
            return hits.getOrDefault(shard, 0L);
        } finally {
            statsLock.readLock().unlock();
        }
    }

    public void assign(String key, int shard) {
        routesLock.writeLock().lock();
        try {
            routes.put(key, shard);
        } finally {
            routesLock.writeLock().unlock();
        }
    }
}
