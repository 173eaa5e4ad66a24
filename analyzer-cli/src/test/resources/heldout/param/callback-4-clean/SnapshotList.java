// Models: a copy-under-read-lock helper that runs the caller's action only after releasing; the action may take the write lock.
package heldout.callback4;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

public class SnapshotList<T> {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final List<T> items = new ArrayList<>();

    public void forSnapshot(Consumer<List<T>> action) {
        List<T> copy;
        rw.readLock().lock();
        try {
            copy = new ArrayList<>(items);
        } finally {
            rw.readLock().unlock();
        }
        action.accept(copy);
    }

    public void add(T item) {
        rw.writeLock().lock();
        try {
            items.add(item);
        } finally {
            rw.writeLock().unlock();
        }
    }
}
