package dev.lockcheck.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import dev.lockcheck.analysis.ProjectIndex.MethodInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A method's summary is a function of the sources: not of which method the walk entered first, nor of the threads. */
class SummariesTest {
    private static final String RING = """
            class Ring {
                final Object a = new Object();
                final Object b = new Object();
                void one(int n) { synchronized (a) { if (n > 0) two(n - 1); } }
                void two(int n) { three(n); }
                void three(int n) { synchronized (b) { one(n); } }
                void outside() { two(1); }
            }
            """;

    private static ProjectIndex index(String source) {
        var unit = new JavaParser().parse(source).getResult().orElseThrow();
        ParsedFile f = new ParsedFile(new SourceFile(Path.of("Ring.java"), "Ring.java", "Ring.java"), unit, source);
        return new ProjectIndex(List.of(f));
    }

    private static MethodInfo method(ProjectIndex index, String name) {
        return index.firstBySimpleName("Ring", null).methods(name).get(0);
    }

    /** The locks a summary says the method takes, e.g. "Ring.a MONITOR". */
    private static Set<String> acquires(Summary s) {
        Set<String> out = new TreeSet<>();
        for (Obs o : s.events()) if (o instanceof Obs.Acquire a) out.add(a.ref().id().display() + " " + a.ref().mode());
        return out;
    }

    @Test
    void recursiveCycle_sameSummariesWhicheverMethodIsAnalysedFirst() {
        ProjectIndex index = index(RING);
        Resolver resolver = new Resolver(index);
        List<String> names = List.of("one", "two", "three", "outside");
        List<List<Summary>> byEntry = new ArrayList<>();
        for (String entry : names) {
            Summaries s = new Summaries(resolver);
            s.result(method(index, entry));
            List<Summary> all = new ArrayList<>();
            for (String n : names) all.add(s.of(method(index, n)));
            byEntry.add(all);
        }
        for (int i = 1; i < byEntry.size(); i++) {
            for (int k = 0; k < names.size(); k++) {
                assertEquals(byEntry.get(0).get(k), byEntry.get(i).get(k),
                        names.get(k) + "'s summary, walk entered at " + names.get(i) + " vs at one");
            }
        }
        // every method of the ring reaches both monitors around the cycle
        for (int k = 0; k < 3; k++) {
            Set<String> locks = acquires(byEntry.get(0).get(k));
            assertTrue(locks.contains("Ring.a MONITOR") && locks.contains("Ring.b MONITOR"), names.get(k) + ": " + locks);
        }
    }

    @Test
    void recursiveCycle_sameSummariesWhenManyThreadsAskAtOnce() throws Exception {
        ProjectIndex index = index(RING);
        Resolver resolver = new Resolver(index);
        List<String> names = List.of("three", "two", "outside", "one");
        Summaries alone = new Summaries(resolver);
        List<Summary> expected = new ArrayList<>();
        for (String n : names) expected.add(alone.of(method(index, n)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 20; round++) {
                Summaries shared = new Summaries(resolver);
                List<Future<Summary>> fs = new ArrayList<>();
                for (String n : names) fs.add(pool.submit(() -> shared.of(method(index, n))));
                for (int k = 0; k < names.size(); k++) {
                    assertEquals(expected.get(k), fs.get(k).get(), names.get(k) + " in round " + round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void callChainDeeperThanOneThreadsNesting_isFollowedToTheEnd() {
        StringBuilder src = new StringBuilder("class Ring {\n    final Object deep = new Object();\n");
        int depth = Summaries.MAX_NESTING * 3;
        for (int i = 0; i < depth; i++) src.append("    void m").append(i).append("() { m").append(i + 1).append("(); }\n");
        src.append("    void m").append(depth).append("() { synchronized (deep) { } }\n}\n");
        ProjectIndex index = index(src.toString());
        Resolver resolver = new Resolver(index);
        Summaries fromTop = new Summaries(resolver);
        fromTop.of(method(index, "m0"));
        for (int i : new int[] {0, depth / 2, depth - 10, depth - 1}) {
            Summaries direct = new Summaries(resolver);
            assertEquals(direct.of(method(index, "m" + i)), fromTop.of(method(index, "m" + i)),
                    "m" + i + " analysed on its own and as part of the walk from m0, " + depth + " calls deep");
        }
        assertEquals(Set.of("Ring.deep MONITOR"), acquires(fromTop.of(method(index, "m" + (depth - 10)))),
                "the monitor 10 calls down (the trace bound stops longer chains)");
        assertEquals(Set.of(), acquires(fromTop.of(method(index, "m0"))), "not 144 calls down: BodyAnalyzer.MAX_TRACE");
    }
}
