package lockcheck.samples.distributed.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * LC103 with Caffeine: its caches compute inside a {@code ConcurrentHashMap}, so a loader that
 * loads from the same cache fails with "Recursive update" or deadlocks, like the JDK map.
 */
public final class CaffeineLoaders {
    private final LoadingCache<Integer, Long> factorials = Caffeine.newBuilder().maximumSize(100).build(this::factorial);
    private final Cache<String, String> canonical = Caffeine.newBuilder().maximumSize(1_000).build();
    private final LoadingCache<Integer, Long> squares = Caffeine.newBuilder().build(n -> (long) n * n);
    private final LoadingCache<Integer, Long> sums = Caffeine.newBuilder().build(this::sumOfSquares);

    private Long factorial(Integer n) {
        return n <= 1 ? 1L : n * factorials.get(n - 1); // expect: LC103
    }

    /** Bad: the mapping function of get(key, fn) loads from the same cache. */
    public String canonicalName(String name) {
        return canonical.get(name, n -> canonical.get(n.trim(), String::toLowerCase)); // expect: LC103
    }

    /** Clean: the loader of one cache reads another. */
    private Long sumOfSquares(Integer n) {
        long total = 0;
        for (int i = 1; i <= n; i++) {
            total += squares.get(i);
        }
        return total;
    }

    public long sumTo(int n) {
        return sums.get(n);
    }
}
