package dev.lockcheck.report;

/** {@code files}: source files found; {@code parsed}: files actually parsed (the rest could not matter). */
public record Stats(long files, long parsed, long durationMs) {
}
