package dev.lockcheck.analysis;

import java.nio.file.Path;

/**
 * One source file of the scan.
 *
 * @param path     on disk
 * @param relPath  relative to its scanned root ('/' separators): what reports show
 * @param display  the scanned root as given joined with relPath: what a person can open
 */
public record SourceFile(Path path, String relPath, String display) {
}
