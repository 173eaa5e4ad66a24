// Clean look-alike of queue-1: the only taker (printer, started here, private) never touches book,
// so a queued writer cannot stop it from taking; the streamer's put always completes and the read hold ends.
// Every counterpart and the path reaching it (the printer thread) is in the sources.
package heldout.handoff.queue2;

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
                symbols.put(symbol);
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
                printed.add(symbol.toUpperCase());
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
