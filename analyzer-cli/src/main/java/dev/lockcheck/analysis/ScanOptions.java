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
 */
public record ScanOptions(List<String> roots, List<String> excludes, int jobs, Set<String> rules, boolean prefilter,
                          java.nio.file.Path cacheDir, boolean progress) {
    public ScanOptions(List<String> roots, List<String> excludes, int jobs, Set<String> rules) {
        this(roots, excludes, jobs, rules, true);
    }

    public ScanOptions(List<String> roots, List<String> excludes, int jobs, Set<String> rules, boolean prefilter) {
        this(roots, excludes, jobs, rules, prefilter, null, false);
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
