package dev.lockcheck.report;

/** A place in a source file. {@code file} is relative to the scanned root (static) or the source file of the top project frame (runtime). */
public record Location(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
