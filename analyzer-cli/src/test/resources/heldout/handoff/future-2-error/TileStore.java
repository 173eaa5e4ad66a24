// Deadlock: render() holds tiles.read and waits for a RenderJob (a Callable class of the sources) that calls
// TileStore.neighbour(), a first read hold on tiles in the pool thread. A put() queued for tiles.write between the
// two parks the job behind it; put waits for render's hold, render waits for the job. Read-read: LC001 only.
package heldout.handoff.future2;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class TileStore {
    private final ReentrantReadWriteLock tiles = new ReentrantReadWriteLock();
    private final Map<Integer, byte[]> data = new HashMap<>();
    private final ExecutorService pool;

    public TileStore(ExecutorService pool) {
        this.pool = pool;
    }

    public byte[] render(int id) throws InterruptedException, ExecutionException {
        tiles.readLock().lock();
        try {
            byte[] base = data.getOrDefault(id, new byte[0]);
            Future<byte[]> edge = pool.submit(new RenderJob(this, id + 1));
            byte[] e = edge.get(); // expect: LC001 error
            byte[] out = new byte[base.length + e.length];
            System.arraycopy(base, 0, out, 0, base.length);
            System.arraycopy(e, 0, out, base.length, e.length);
            return out;
        } finally {
            tiles.readLock().unlock();
        }
    }

    byte[] neighbour(int id) {
        tiles.readLock().lock();
        try {
            return data.getOrDefault(id, new byte[0]);
        } finally {
            tiles.readLock().unlock();
        }
    }

    public void put(int id, byte[] tile) {
        tiles.writeLock().lock();
        try {
            data.put(id, tile);
        } finally {
            tiles.writeLock().unlock();
        }
    }
}
