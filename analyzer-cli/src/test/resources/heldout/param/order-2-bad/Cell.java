// Models: a generic cell guarded by its own ReentrantLock; swap locks two cells in argument order from a static helper.
package heldout.order2;

import java.util.concurrent.locks.ReentrantLock;

public final class Cell<T> {
    final ReentrantLock lock = new ReentrantLock();
    private T value;

    public Cell(T value) {
        this.value = value;
    }

    public static <T> void swap(Cell<T> a, Cell<T> b) {
        a.lock.lock();
        try {
            b.lock.lock(); // expect: LC007
            try {
                T tmp = a.value;
                a.value = b.value;
                b.value = tmp;
            } finally {
                b.lock.unlock();
            }
        } finally {
            a.lock.unlock();
        }
    }
}
