package dev.lockcheck.report;

/** A file that could not be analysed (errors) or was analysed with a caveat (warnings), and why. */
public record FileError(String file, String message) {
}
