package dev.lockcheck.analysis;

import java.util.List;
import java.util.Set;

/**
 * @param roots    paths as given on the command line (directories or files)
 * @param excludes globs matched against root-relative paths
 * @param jobs     parse/analysis threads
 * @param rules    only these rule ids, or null for all
 * @param prefilter parse only the files that can matter ({@link Prefilter}); false parses every file
 * @param cacheDir  where to keep the on-disk cache, or null for none
 * @param progress  report progress on standard error while the scan runs longer than a moment
 * @param maxFileBytes larger source files are not analysed, each listed under the report's warnings
 *                  (0: no limit); see {@link #defaultMaxFileBytes()}
 */
public record ScanOptions(List<String> roots, List<String> excludes, int jobs, Set<String> rules, boolean prefilter,
                          java.nio.file.Path cacheDir, boolean progress, long maxFileBytes) {
    public ScanOptions(List<String> roots, List<String> excludes, int jobs, Set<String> rules) {
        this(roots, excludes, jobs, rules, true);
    }

    public ScanOptions(List<String> roots, List<String> excludes, int jobs, Set<String> rules, boolean prefilter) {
        this(roots, excludes, jobs, rules, prefilter, null, false);
    }

    public ScanOptions(List<String> roots, List<String> excludes, int jobs, Set<String> rules, boolean prefilter,
                       java.nio.file.Path cacheDir, boolean progress) {
        this(roots, excludes, jobs, rules, prefilter, cacheDir, progress, defaultMaxFileBytes());
    }

    /**
     * The largest source file a scan parses by default: parsing costs about 200 bytes of heap per byte of
     * source (a 5 MB file exhausted a 1 GB heap), so a quarter of that share of the heap, kept between
     * 512 KiB (every hand-written file) and 8 MiB.
     */
    public static long defaultMaxFileBytes() {
        long share = Runtime.getRuntime().maxMemory() / 800;
        return Math.max(512L * 1024, Math.min(8L * 1024 * 1024, share));
    }

    public ScanOptions {
        roots = List.copyOf(roots);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        rules = rules == null ? null : Set.copyOf(rules);
    }

    public static ScanOptions of(String... roots) {
        return new ScanOptions(List.of(roots), List.of(), Runtime.getRuntime().availableProcessors(), null);
    }
}
