package lockcheck.samples.distributed.cache;

import java.util.concurrent.ConcurrentHashMap;

/** A process-wide registry: one static map. */
final class Registry {
    static final ConcurrentHashMap<String, String> NAMES = new ConcurrentHashMap<>();

    private Registry() {
    }
}
