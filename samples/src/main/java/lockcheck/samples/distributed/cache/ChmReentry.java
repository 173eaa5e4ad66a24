package lockcheck.samples.distributed.cache;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * LC103 with {@code ConcurrentHashMap}: a mapping function that updates the same map, in each
 * shape a real code base writes it, next to functions that only read it or update another map.
 * {@link RecursiveComputeDemo} runs the same mistake and prints the {@code IllegalStateException}.
 */
public final class ChmReentry {
    private final ConcurrentHashMap<String, List<String>> children = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Integer> depth = new ConcurrentHashMap<>();
    private final Map<String, Integer> sizes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> other = new ConcurrentHashMap<>();

    /** Bad: a lambda that registers the parent in the same map. */
    public List<String> childrenOf(String path) {
        return children.computeIfAbsent(path, p -> {
            children.putIfAbsent(parent(p), List.of()); // expect: LC103
            return List.of();
        });
    }

    /** Bad: the same through a method reference; the update is in the referenced method. */
    public Integer depthOf(String path) {
        return depth.computeIfAbsent(path, this::computeDepth);
    }

    private Integer computeDepth(String path) {
        String parent = parent(path);
        return parent.isEmpty() ? 0 : depth.computeIfAbsent(parent, this::computeDepth) + 1; // expect: LC103
    }

    /** Bad: an anonymous Function through a local alias of the field. */
    public Integer sizeOf(String path) {
        Map<String, Integer> view = sizes;
        return sizes.computeIfAbsent(path, new Function<String, Integer>() {
            @Override
            public Integer apply(String p) {
                view.remove(parent(p)); // expect: LC103
                return p.length();
            }
        });
    }

    /** Bad: compute, merge and computeIfPresent re-entering the map. */
    public void counters(String key) {
        other.compute(key, (k, v) -> {
            other.clear(); // expect: LC103
            return v == null ? 1 : v + 1;
        });
        other.merge(key, 1, (a, b) -> other.getOrDefault("total", 0) + other.replace("total", a + b)); // expect: LC103
        other.computeIfPresent(key, (k, v) -> resetTotal(v)); // expect: LC103
    }

    private Integer resetTotal(Integer v) {
        other.put("total", 0);
        return v;
    }

    /** Bad, through a helper in another class that updates a static map. */
    public String register(String name) {
        return Registry.NAMES.computeIfAbsent(name, n -> Registrar.registerAlias(n)); // expect: LC103
    }

    /** Clean: the function reads the same map (get, containsKey, getOrDefault) but does not update it. */
    public Integer depthFromKnownParent(String path) {
        return depth.computeIfAbsent(path, p -> depth.containsKey(parent(p)) ? depth.get(parent(p)) + 1 : depth.getOrDefault("", 0));
    }

    /** Clean: the function updates a different map. */
    public Integer sizeCountingOthers(String path) {
        return sizes.computeIfAbsent(path, p -> other.merge("computed", 1, Integer::sum));
    }

    /** Clean: a helper that only reads. */
    public List<String> childrenFromParent(String path) {
        return children.computeIfAbsent(path, this::inheritFromParent);
    }

    private List<String> inheritFromParent(String path) {
        return children.getOrDefault(parent(path), List.of());
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "" : path.substring(0, slash);
    }
}
