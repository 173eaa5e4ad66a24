package dev.lockcheck.report;

/**
 * {@code files}: source files found; {@code parsed}: files the analysis needed and parsed (the rest
 * could not matter). A report answered from the cache gives the {@code parsed} of the scan that made
 * it, so that findings and stats are a function of the input files alone; {@code durationMs} is
 * this run's.
 */
public record Stats(long files, long parsed, long durationMs) {
}
