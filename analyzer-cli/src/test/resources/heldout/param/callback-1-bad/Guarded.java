// Models: a generic guard object that runs callbacks under its read or write lock (withRead / withWrite).
package heldout.callback1;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

public final class Guarded<T> {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final T state;

    public Guarded(T state) {
        this.state = state;
    }

    public <R> R withRead(Function<? super T, ? extends R> body) {
        rw.readLock().lock();
        try {
            return body.apply(state);
        } finally {
            rw.readLock().unlock();
        }
    }

    public void withWrite(Consumer<? super T> body) {
        rw.writeLock().lock();
        try {
            body.accept(state);
        } finally {
            rw.writeLock().unlock();
        }
    }
}
