// Deadlock: the streamer holds book.read across SynchronousQueue.put; a repricer queues for the write lock;
// the consumer, after take, calls quote() and asks for a first read hold, which parks behind the queued writer.
// The streamer's next put never finds a taker: streamer -> consumer -> writer -> streamer (the Go generator incident).
package heldout.handoff.queue1;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class PriceBook {
    private final ReentrantReadWriteLock book = new ReentrantReadWriteLock();
    private final Map<String, Long> prices = new HashMap<>();
    private final SynchronousQueue<String> symbols = new SynchronousQueue<>();
    private final List<String> printed = new ArrayList<>();

    public void start() {
        new Thread(this::stream, "streamer").start();
        new Thread(this::print, "printer").start();
    }

    private void stream() {
        book.readLock().lock();
        try {
            for (String symbol : prices.keySet()) {
                symbols.put(symbol); // expect: LC001 error
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            book.readLock().unlock();
        }
    }

    private void print() {
        try {
            while (true) {
                String symbol = symbols.take();
                printed.add(symbol + "=" + quote(symbol));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long quote(String symbol) {
        book.readLock().lock();
        try {
            return prices.getOrDefault(symbol, 0L);
        } finally {
            book.readLock().unlock();
        }
    }

    public void reprice(String symbol, long price) {
        book.writeLock().lock();
        try {
            prices.put(symbol, price);
        } finally {
            book.writeLock().unlock();
        }
    }
}
