package acme;

/** One lock, taken one way: nothing for lockcheck to find. */
public final class Counter {
    private final Object lock = new Object();
    private long n;

    public void add(long d) {
        synchronized (lock) {
            n += d;
        }
    }

    public long get() {
        synchronized (lock) {
            return n;
        }
    }
}
