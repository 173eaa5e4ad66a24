package lockcheck.samples.lc008;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import lockcheck.samples.Demo;

/**
 * Waiting, under a lock, for a task that needs the same lock: the task blocks on the lock, the
 * waiter blocks on the task. With a future, a CompletableFuture and a thread; next to the fixed
 * forms (wait after releasing; a task that takes another lock).
 */
public class WaitOnTaskNeedingLock {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final ReentrantLock journal = new ReentrantLock();
    private final ReentrantLock other = new ReentrantLock();
    private final List<String> entries = new ArrayList<>();

    int compactAndCount(ExecutorService pool) throws InterruptedException, ExecutionException {
        rw.writeLock().lock();
        try {
            entries.removeIf(String::isEmpty);
            Future<Integer> count = pool.submit(this::count);
            return count.get(); // expect: LC008
        } finally {
            rw.writeLock().unlock();
        }
    }

    int count() {
        rw.readLock().lock();
        try {
            return entries.size();
        } finally {
            rw.readLock().unlock();
        }
    }

    void flushAsync() {
        journal.lock();
        try {
            CompletableFuture.runAsync(() -> {
                journal.lock();
                try {
                    entries.add("flushed");
                } finally {
                    journal.unlock();
                }
            }).join(); // expect: LC008
        } finally {
            journal.unlock();
        }
    }

    void rotateOnThread() throws InterruptedException {
        journal.lock();
        try {
            Thread rotator = new Thread(this::rotate, "rotator");
            rotator.start();
            rotator.join(); // expect: LC008
        } finally {
            journal.unlock();
        }
    }

    void rotate() {
        journal.lock();
        try {
            entries.clear();
        } finally {
            journal.unlock();
        }
    }

    /** Fixed: start the task under the lock if you must, but wait for it after releasing. */
    int countAfterRelease(ExecutorService pool) throws InterruptedException, ExecutionException {
        Future<Integer> count;
        rw.writeLock().lock();
        try {
            entries.removeIf(String::isEmpty);
            count = pool.submit(this::count);
        } finally {
            rw.writeLock().unlock();
        }
        return count.get();
    }

    /** Clean: the task takes a different lock. */
    void flushOther() {
        journal.lock();
        try {
            CompletableFuture.runAsync(() -> {
                other.lock();
                try {
                    entries.add("other");
                } finally {
                    other.unlock();
                }
            }).join();
        } finally {
            journal.unlock();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        WaitOnTaskNeedingLock s = new WaitOnTaskNeedingLock();
        Thread t = Demo.start("rotate", () -> Demo.unchecked(s::rotateOnThread));
        Demo.expectCompletion("waiting under a lock for a thread that needs it", 2000, t);
    }
}
