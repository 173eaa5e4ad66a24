package dev.lockcheck.analysis;

import dev.lockcheck.report.Report;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * @param report          findings with paths relative to their scanned root (the JSON contract)
 * @param displayPath     report path → path a person can open from the working directory
 * @param repoRelative    report path → path relative to the enclosing git repository (SARIF)
 * @param unreadableRoots messages for command-line paths that do not exist or cannot be read
 */
public record ScanResult(Report report, UnaryOperator<String> displayPath, UnaryOperator<String> repoRelative,
                         List<String> unreadableRoots) {
}
