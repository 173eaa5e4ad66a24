// Clean look-alike of future-1: the read hold ends before the wait. export() copies under rows.read, releases, then
// waits for a task that takes rows.write; no thread holds a read hold while blocked in get(), so the writer proceeds.
package heldout.handoff.future8;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Exporter {
    private final ReentrantReadWriteLock rows = new ReentrantReadWriteLock();
    private final List<String> table = new ArrayList<>();
    private final ExecutorService io = Executors.newSingleThreadExecutor();

    public int export() throws InterruptedException, ExecutionException {
        List<String> copy;
        rows.readLock().lock();
        try {
            copy = new ArrayList<>(table);
        } finally {
            rows.readLock().unlock();
        }
        Future<Integer> written = io.submit(() -> markExported(copy));
        return written.get();
    }

    private int markExported(List<String> done) {
        rows.writeLock().lock();
        try {
            table.removeAll(done);
            return done.size();
        } finally {
            rows.writeLock().unlock();
        }
    }
}
