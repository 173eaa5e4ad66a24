package lockcheck.samples.binlocks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@code computeIfAbsent} given a method reference runs that method holding the key's bin, just
 * as a lambda does: {@code resolve} loads a missing host under the bin and takes the registry's
 * monitor; {@code rebuild} holds that monitor and asks the map for a key whose bin another thread
 * may hold. Two threads, two locks, opposite orders.
 */
public class LoaderReference {
    private final ConcurrentHashMap<String, String> addresses = new ConcurrentHashMap<>();
    private final Map<String, String> registry = new HashMap<>();

    /** Bad: the loader runs under the bin of {@code host}, then takes the registry's monitor. */
    public String resolve(String host) {
        return addresses.computeIfAbsent(host, this::lookUp); // expect: LC007
    }

    private String lookUp(String host) {
        synchronized (registry) {
            return registry.getOrDefault(host, "0.0.0.0");
        }
    }

    /** Bad: the registry's monitor, then a bin of the same map. */
    public void rebuild(Map<String, String> fresh) {
        synchronized (registry) {
            registry.clear();
            registry.putAll(fresh);
            fresh.keySet().forEach(h -> addresses.computeIfPresent(h, (k, old) -> fresh.get(k))); // expect: LC007
        }
    }

    /** Fixed form: the lookup copies under the monitor, the map is filled outside it. */
    public String resolveFixed(String host) {
        String known = addresses.get(host);
        if (known != null) return known;
        String looked = lookUp(host);
        String raced = addresses.putIfAbsent(host, looked);
        return raced != null ? raced : looked;
    }

    /** Clean look-alike: a reference to a method that takes no lock ({@code String::trim}). */
    public String normalise(String host) {
        return addresses.computeIfAbsent(host.trim(), String::toLowerCase);
    }
}
