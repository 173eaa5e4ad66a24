// Models: a counter map whose merge() remapping lambda calls into Stats, taking its lock inside the bin lock (bin lock of counts -> Stats.lock).
package heldout.binlock2;

import java.util.concurrent.ConcurrentHashMap;

public class Counters {
    private final ConcurrentHashMap<String, Long> counts = new ConcurrentHashMap<>();
    private final Stats stats;

    public Counters(Stats stats) {
        this.stats = stats;
    }

    public void increment(String key) {
        counts.merge(key, 1L, (a, b) -> stats.add(a, b)); // expect: LC007
    }

    void reset(String key) {
        counts.compute(key, (k, v) -> 0L);
    }
}
