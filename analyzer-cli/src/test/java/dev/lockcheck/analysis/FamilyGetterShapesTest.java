package dev.lockcheck.analysis;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A family member reached through a private getter ({@code guard(id)} returning
 * {@code guards.computeIfAbsent(id, ...)}) is the member keyed by the caller's argument: the
 * getter's parameter is replaced by it, in the caller and through a helper's summary.
 */
class FamilyGetterShapesTest {
    @TempDir
    Path dir;

    private static final String[] HEAD = {
        "import java.util.Map;",
        "import java.util.concurrent.ConcurrentHashMap;",
        "import java.util.concurrent.locks.ReentrantReadWriteLock;",
        "class Buckets {",
        "    private final Map<Long, ReentrantReadWriteLock> guards = new ConcurrentHashMap<>();",
        "    private final Map<Long, String> data = new ConcurrentHashMap<>();",
        "    private ReentrantReadWriteLock guard(long id) {",
        "        return guards.computeIfAbsent(id, k -> new ReentrantReadWriteLock());",
        "    }",
        "    void evict(long id) {",
        "        ReentrantReadWriteLock g = guard(id);",
        "        g.writeLock().lock();",
        "        try { data.remove(id); } finally { g.writeLock().unlock(); }",
        "    }",
    };

    private static String[] with(String... tail) {
        String[] all = new String[HEAD.length + tail.length];
        System.arraycopy(HEAD, 0, all, 0, HEAD.length);
        System.arraycopy(tail, 0, all, HEAD.length, tail.length);
        return all;
    }

    @Test
    void readOfAKeyThenAHelperWritingTheSameKey_isAnUpgrade() {
        new Fixture(dir)
                .file("Buckets.java", with(
                "    String peek(long id) {",
                "        guard(id).readLock().lock();",
                "        try {",
                "            String s = data.get(id);",
                "            if (s == null) evict(id); // expect: LC002",
                "            return s;",
                "        } finally { guard(id).readLock().unlock(); }",
                "    }",
                "}"))
                .assertExactlyMarked();
    }

    @Test
    void readReleasedBeforeTheHelperWrites_isClean() {
        new Fixture(dir)
                .file("Buckets.java", with(
                "    String peek(long id) {",
                "        String s;",
                "        guard(id).readLock().lock();",
                "        try { s = data.get(id); } finally { guard(id).readLock().unlock(); }",
                "        if (s == null) evict(id);",
                "        return s;",
                "    }",
                "}"))
                .assertClean();
    }

    @Test
    void twoKeysThroughTheGetterNestedInCallOrder_isADynamicOrder() {
        new Fixture(dir)
                .file("Buckets.java", with(
                "    void swap(long a, long b) {",
                "        guard(a).writeLock().lock();",
                "        try {",
                "            guard(b).writeLock().lock(); // expect: LC007",
                "            try { String t = data.get(a); data.put(a, data.get(b)); data.put(b, t); }",
                "            finally { guard(b).writeLock().unlock(); }",
                "        } finally { guard(a).writeLock().unlock(); }",
                "    }",
                "}"))
                .assertExactlyMarked();
    }
}
