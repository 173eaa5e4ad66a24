package dev.lockcheck.analysis;

import dev.lockcheck.report.FileError;
import dev.lockcheck.report.Finding;
import java.util.List;
import java.util.Set;

/** Runs every static rule over the parsed project. */
final class Analyzer {
    private final List<ParsedFile> files;
    private final Set<String> rules;
    private final List<FileError> errors;

    Analyzer(List<ParsedFile> files, Set<String> rules, List<FileError> errors) {
        this.files = files;
        this.rules = rules;
        this.errors = errors;
    }

    List<Finding> run() {
        return List.of(); // the lock-flow engine lands in the next commit
    }
}
