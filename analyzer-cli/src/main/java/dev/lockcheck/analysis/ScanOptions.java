package dev.lockcheck.analysis;

import java.util.List;
import java.util.Set;

/**
 * @param roots    paths as given on the command line (directories or files)
 * @param excludes globs matched against root-relative paths
 * @param jobs     parse/analysis threads
 * @param rules    only these rule ids, or null for all
 */
public record ScanOptions(List<String> roots, List<String> excludes, int jobs, Set<String> rules) {
    public ScanOptions {
        roots = List.copyOf(roots);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        rules = rules == null ? null : Set.copyOf(rules);
    }

    public static ScanOptions of(String... roots) {
        return new ScanOptions(List.of(roots), List.of(), Runtime.getRuntime().availableProcessors(), null);
    }
}
