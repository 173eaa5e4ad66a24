// Models: a small handle class that only releases the lock it was given.
package heldout.handle4;

import java.util.concurrent.locks.Lock;

final class LockHandle implements AutoCloseable {
    private final Lock held;

    LockHandle(Lock held) {
        this.held = held;
    }

    @Override
    public void close() {
        held.unlock();
    }
}
