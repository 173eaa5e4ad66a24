// The taker of Indexer.pending, given the queue through its constructor: it re-reads the index after each take.
package heldout.handoff.queue4;

import java.util.concurrent.BlockingQueue;

final class Flusher implements Runnable {
    private final BlockingQueue<String> queue;
    private final Indexer owner;
    private int written;

    Flusher(BlockingQueue<String> queue, Indexer owner) {
        this.queue = queue;
        this.owner = owner;
    }

    @Override
    public void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                String doc = queue.take();
                if (!owner.contains(doc)) {
                    written++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
