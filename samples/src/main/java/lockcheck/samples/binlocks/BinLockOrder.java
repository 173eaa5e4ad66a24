package lockcheck.samples.binlocks;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Bad: {@code ConcurrentHashMap.compute} runs its function holding the monitor of the key's bin.
 * {@link #count} takes the stats monitor inside the function (bin, then stats); {@link #reset}
 * calls {@code merge} on the same map while holding the stats monitor (stats, then bin): LC007.
 */
public class BinLockOrder {
    private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();
    private final Object stats = new Object();
    private long total;

    public void count(String key) {
        counts.compute(key, (k, v) -> {
            synchronized (stats) { // expect: LC007
                total++;
            }
            return v == null ? 1 : v + 1;
        });
    }

    public void reset(String key) {
        synchronized (stats) {
            total = 0;
            counts.merge(key, 0, (a, b) -> b); // expect: LC007
        }
    }
}
