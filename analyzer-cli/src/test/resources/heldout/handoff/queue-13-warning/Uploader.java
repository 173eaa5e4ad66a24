// Warning: enqueue() holds files.read across put into the work queue it gave to a ThreadPoolExecutor (a "blocking
// submit" that bypasses execute). The taker is the JDK's worker, a library: the sources do not show when it takes,
// so neither the deadlock nor its absence can be shown (the jobs themselves are lock-free here).
package heldout.handoff.queue13;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Uploader {
    private final ReentrantReadWriteLock files = new ReentrantReadWriteLock();
    private final List<String> paths = new ArrayList<>();
    private final BlockingQueue<Runnable> work = new ArrayBlockingQueue<>(16);
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0L, TimeUnit.MILLISECONDS, work);

    public Uploader() {
        pool.prestartAllCoreThreads();
    }

    public void enqueue() throws InterruptedException {
        files.readLock().lock();
        try {
            for (String p : paths) {
                String name = p;
                work.put(() -> System.out.println("upload " + name)); // expect: LC001 warning
            }
        } finally {
            files.readLock().unlock();
        }
    }

    public void add(String path) {
        files.writeLock().lock();
        try {
            paths.add(path);
        } finally {
            files.writeLock().unlock();
        }
    }
}
