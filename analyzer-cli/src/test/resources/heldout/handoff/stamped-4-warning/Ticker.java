// Warning: the read stamp is held across a timed poll (100 ms). The feeder takes the write stamp before it offers,
// so it waits for nextQuote's stamp while nextQuote waits for an element, but only for 100 ms: poll returns null,
// the stamp is released, the feeder proceeds. A stall on every empty poll, not a hang.
package heldout.handoff.stamped4;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;

public class Ticker {
    private final StampedLock sl = new StampedLock();
    private final LinkedBlockingQueue<Double> quotes = new LinkedBlockingQueue<>();
    private double last;

    public Ticker() {
        new Thread(() -> {
            for (int i = 0; ; i++) {
                feed(100.0 + i);
            }
        }, "feeder").start();
    }

    public double nextQuote() throws InterruptedException {
        long stamp = sl.readLock();
        try {
            Double q = quotes.poll(100, TimeUnit.MILLISECONDS); // expect: LC001 warning
            return q == null ? last : q;
        } finally {
            sl.unlockRead(stamp);
        }
    }

    private void feed(double price) {
        long stamp = sl.writeLock();
        try {
            last = price;
            quotes.offer(price);
        } finally {
            sl.unlockWrite(stamp);
        }
    }
}
