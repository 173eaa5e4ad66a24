package lockcheck.samples.binlocks;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The fixed form of {@link BinLockOrder}: the function only computes the value; the stats monitor
 * is taken after {@code compute} returns. Clean look-alike: {@code merge} under the stats monitor
 * is fine when no function of this map takes that monitor.
 */
public class BinLockOutside {
    private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();
    private final Object stats = new Object();
    private long total;

    public void count(String key) {
        counts.compute(key, (k, v) -> v == null ? 1 : v + 1);
        synchronized (stats) {
            total++;
        }
    }

    public void reset(String key) {
        synchronized (stats) {
            total = 0;
            counts.merge(key, 0, (a, b) -> b);
        }
    }
}
