// Clean: thumbnail() holds images.read across get() of a task it submitted, but the task (a lambda calling a
// static pure helper) never takes images or any lock: a queued writer cannot stop it, the get returns.
// The counterpart and the path to it are all in the sources. images has a writer (store).
package heldout.handoff.future7;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Thumbnailer {
    private final ReentrantReadWriteLock images = new ReentrantReadWriteLock();
    private final Map<String, int[]> pixels = new HashMap<>();
    private final ExecutorService cpu = Executors.newFixedThreadPool(2);

    public int[] thumbnail(String name) throws InterruptedException, ExecutionException {
        images.readLock().lock();
        try {
            int[] src = pixels.getOrDefault(name, new int[0]).clone();
            Future<int[]> scaled = cpu.submit(() -> downscale(src, 4));
            return scaled.get();
        } finally {
            images.readLock().unlock();
        }
    }

    private static int[] downscale(int[] src, int factor) {
        int[] out = new int[src.length / factor];
        for (int i = 0; i < out.length; i++) {
            out[i] = src[i * factor];
        }
        return out;
    }

    public void store(String name, int[] data) {
        images.writeLock().lock();
        try {
            pixels.put(name, data);
        } finally {
            images.writeLock().unlock();
        }
    }
}
