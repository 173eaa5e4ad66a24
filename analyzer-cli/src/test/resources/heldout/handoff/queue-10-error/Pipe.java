// A generic wrapper over a bounded BlockingQueue: send and receive block (put/take).
package heldout.handoff.queue10;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

final class Pipe<T> {
    private final BlockingQueue<T> q;

    Pipe(int capacity) {
        q = new ArrayBlockingQueue<>(capacity);
    }

    void send(T item) throws InterruptedException {
        q.put(item);
    }

    T receive() throws InterruptedException {
        return q.take();
    }
}
