package lockcheck.samples.distributed.cache;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import java.util.concurrent.ExecutionException;

/**
 * LC103 with Guava caches: a loader that asks its own cache for another key. On one thread a cycle
 * of such loads fails with "Recursive load"; across two threads (the groupcache peers of the
 * incident, each loading what the other is loading) it deadlocks. A loader that reads a different
 * cache, or only peeks at its own ({@code getIfPresent}), is clean.
 */
public final class GuavaLoaders {
    record Node(String path, Node parent) {
    }

    private final LoadingCache<String, Node> nodes;
    private final LoadingCache<String, String> owners;
    private final Cache<String, Integer> sizes = CacheBuilder.newBuilder().maximumSize(1_000).build();
    private final LoadingCache<String, Integer> quotas;

    public GuavaLoaders() {
        nodes = CacheBuilder.newBuilder().maximumSize(10_000).build(new CacheLoader<String, Node>() {
            @Override
            public Node load(String path) {
                String parent = ChmReentry.parent(path);
                return new Node(path, parent.isEmpty() ? null : nodes.getUnchecked(parent)); // expect: LC103
            }
        });
        owners = CacheBuilder.newBuilder().build(CacheLoader.from(this::loadOwner));
        quotas = CacheBuilder.newBuilder().build(new CacheLoader<String, Integer>() {
            @Override
            public Integer load(String user) {
                String owner = owners.getUnchecked(user);
                Integer known = sizes.getIfPresent(owner);
                return known == null ? 0 : known;
            }
        });
    }

    private String loadOwner(String path) {
        return path.isEmpty() ? "root" : owners.getUnchecked(ChmReentry.parent(path)); // expect: LC103
    }

    /** Bad: the loader given to get(key, loader) loads from the same cache. */
    public Integer sizeOf(String path) throws ExecutionException {
        return sizes.get(path, () -> path.length() + sizes.get(ChmReentry.parent(path), () -> 0)); // expect: LC103
    }

    /** Clean: the loader only peeks at the same cache. */
    public Integer sizePeeking(String path) throws ExecutionException {
        return sizes.get(path, () -> {
            Integer parent = sizes.getIfPresent(ChmReentry.parent(path));
            return parent == null ? path.length() : parent + path.length();
        });
    }

    public Integer quotaOf(String user) {
        return quotas.getUnchecked(user);
    }
}
