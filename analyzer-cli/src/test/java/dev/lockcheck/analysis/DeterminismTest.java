package dev.lockcheck.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lockcheck.report.Finding;
import dev.lockcheck.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan's report is a function of the files alone: the same findings (every field), in the same
 * order, and the same stats, whatever the number of threads, run after run, cached or not. Scans
 * a real tree of several hundred files (zookeeper 3.9.2's sources, unpacked by the build into
 * target/, never committed): recursion, deep call chains and many bodies analysed at once are
 * where a schedule could show.
 */
class DeterminismTest {
    private static Path tree;

    @TempDir
    Path cacheDir;

    @BeforeAll
    static void findTree() {
        String p = System.getProperty("lockcheck.realTree");
        tree = p == null ? null : Path.of(p);
    }

    private static void assumeTree() {
        assumeTrue(tree != null && Files.isDirectory(tree), "the build unpacks the real tree (mvn generate-test-resources)");
    }

    private static Report scan(int jobs, Path cache, boolean prefilter) {
        ScanOptions o = new ScanOptions(List.of(tree.toString()), List.of(), jobs, null, prefilter, cache, false);
        return new Scanner(o).scan().report();
    }

    @Test
    void sevenScansWithDifferentThreadCountsAndCache_giveOneReport() {
        assumeTree();
        Report first = scan(1, null, true);
        assertTrue(first.stats().files() > 300, "a tree of several hundred files: " + first.stats().files());
        assertTrue(first.findings().size() > 0, "the tree has findings to compare");
        List<String> runs = List.of("jobs 2", "jobs 3", "jobs 4", "jobs 8", "jobs 2, cache stored", "jobs 3, from the cache");
        List<Report> others = new ArrayList<>();
        others.add(scan(2, null, true));
        others.add(scan(3, null, true));
        others.add(scan(4, null, true));
        others.add(scan(8, null, true));
        others.add(scan(2, cacheDir, true));
        others.add(scan(3, cacheDir, true));
        for (int i = 0; i < others.size(); i++) {
            Report r = others.get(i);
            String run = runs.get(i);
            assertEquals(first.stats().files(), r.stats().files(), run + ": files");
            // a report answered from the cache parsed nothing in this run, and says so (CliTest)
            if (!run.contains("from the cache")) assertEquals(first.stats().parsed(), r.stats().parsed(), run + ": files parsed");
            assertEquals(first.findings().size(), r.findings().size(), run + ": number of findings");
            for (int k = 0; k < first.findings().size(); k++) {
                assertEquals(first.findings().get(k), r.findings().get(k), run + ": finding " + k);
            }
            assertEquals(first.errors(), r.errors(), run + ": file errors");
            assertEquals(first.warnings(), r.warnings(), run + ": file warnings");
        }
    }

    @Test
    void parsingEveryFile_addsFindingsButNeverRemovesOne() {
        assumeTree();
        Report selected = scan(2, null, true);
        Report all = scan(2, null, false);
        Set<String> everything = new LinkedHashSet<>();
        for (Finding f : all.findings()) everything.add(identity(f));
        List<String> lost = new ArrayList<>();
        for (Finding f : selected.findings()) if (!everything.contains(identity(f))) lost.add(identity(f) + " " + f.message());
        assertEquals(List.of(), lost, "findings of the default scan that --no-prefilter does not report");
    }

    /** A finding's rule, severity, place and lock. */
    private static String identity(Finding f) {
        return f.ruleId() + " " + f.severity() + " " + f.location().file() + ":" + f.location().line() + ":"
                + f.location().column() + " " + f.lock();
    }
}
