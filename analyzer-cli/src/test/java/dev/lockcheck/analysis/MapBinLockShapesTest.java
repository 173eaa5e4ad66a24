package dev.lockcheck.analysis;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ConcurrentHashMap bin locks (issue 10, shape 7): a compute / merge mapping function runs holding
 * the monitor of its key's bin. A monitor taken inside orders after the map; code holding that
 * monitor while calling compute on the same map orders the other way (LC007).
 */
class MapBinLockShapesTest {
    @TempDir
    Path dir;

    @Test
    void monitorInsideCompute_againstComputeUnderTheMonitor_isInversion() {
        new Fixture(dir)
                .file("Sessions.java",
                "import java.util.concurrent.ConcurrentHashMap;",
                "class Sessions {",
                "    private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();",
                "    private final Object stats = new Object();",
                "    private int total;",
                "    void add(String k) {",
                "        counts.compute(k, (key, v) -> {",
                "            synchronized (stats) {              // expect: LC007",
                "                total++;",
                "            }",
                "            return v == null ? 1 : v + 1;",
                "        });",
                "    }",
                "    void reset(String k) {",
                "        synchronized (stats) {",
                "            total = 0;",
                "            counts.merge(k, 0, (a, b) -> b);   // expect: LC007",
                "        }",
                "    }",
                "}")
                .assertExactlyMarked();
    }

    @Test
    void computeUnderAMonitorNeverTakenInside_isClean() {
        new Fixture(dir)
                .file("Cache.java",
                "import java.util.HashMap;",
                "import java.util.Map;",
                "import java.util.concurrent.ConcurrentHashMap;",
                "class Cache {",
                "    private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();",
                "    private final Map<String, Integer> plain = new HashMap<>();",
                "    private final Object stats = new Object();",
                "    void add(String k) {",
                "        synchronized (stats) {",
                "            counts.compute(k, (key, v) -> v == null ? 1 : v + 1);",
                "        }",
                "        plain.compute(k, (key, v) -> {",
                "            synchronized (stats) { return 1; }",
                "        });",
                "    }",
                "}")
                .assertClean();
    }
}
