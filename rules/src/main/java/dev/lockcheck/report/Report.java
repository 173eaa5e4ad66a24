package dev.lockcheck.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The whole report ({@code schema: lockcheck-report/1}). {@code errors}: files that could not be
 * analysed; {@code warnings} (an addition to the contract): files analysed with a caveat, such as
 * a non-UTF-8 file decoded as ISO-8859-1, or an empty file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(
        String schema,
        Tool tool,
        String source,
        List<Finding> findings,
        List<FileError> errors,
        List<FileError> warnings,
        Stats stats) {

    public static final String SCHEMA = "lockcheck-report/1";
    public static final String STATIC = "static";
    public static final String RUNTIME = "runtime";

    public Report {
        findings = findings == null ? List.of() : List.copyOf(findings);
        errors = errors == null ? List.of() : List.copyOf(errors);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public static Report of(String source, List<Finding> findings, List<FileError> errors,
                            List<FileError> warnings, Stats stats) {
        return new Report(SCHEMA, Tool.LOCKCHECK, source, findings, errors, warnings, stats);
    }

    public Report withFindings(List<Finding> fs) {
        return new Report(schema, tool, source, fs, errors, warnings, stats);
    }
}
