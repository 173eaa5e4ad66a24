package dev.lockcheck.report;

import dev.lockcheck.rules.Severity;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Compiler-style text: {@code file:line:col: severity: [LC001] message}, the trace indented under
 * each finding, file errors, then one summary line.
 */
public final class TextReport {
    private final UnaryOperator<String> displayPath;
    private final boolean color;

    /**
     * @param displayPath maps a report path (relative to its scanned root) to what a person can open
     *                    from the current directory
     * @param color       ANSI colour; only on a terminal and never with NO_COLOR (the caller decides)
     */
    public TextReport(UnaryOperator<String> displayPath, boolean color) {
        this.displayPath = displayPath;
        this.color = color;
    }

    public void write(Report report, PrintStream out) {
        for (Finding f : report.findings()) {
            Location l = f.location();
            out.println(bold(displayPath.apply(l.file()) + ":" + l.line() + ":" + l.column() + ":") + " "
                    + severity(f.severity()) + ": [" + f.ruleId() + "] " + f.message());
            for (TraceStep t : f.trace()) {
                out.println("    " + dim(displayPath.apply(t.file()) + ":" + t.line() + ":") + " " + t.note());
            }
            if (f.threads() != null) {
                for (ThreadSnapshot th : f.threads()) {
                    out.println("    thread \"" + th.name() + "\" (" + th.state() + ")");
                    for (String frame : th.stack()) out.println("        at " + frame);
                }
            }
        }
        for (FileError e : report.errors()) {
            out.println(bold(displayPath.apply(e.file()) + ":") + " " + paint("31", "error") + ": " + e.message());
        }
        for (FileError e : report.warnings()) {
            out.println(bold(displayPath.apply(e.file()) + ":") + " " + paint("33", "warning") + ": " + e.message());
        }
        out.println(summary(report));
        out.flush();
    }

    /** e.g. {@code lockcheck: 3 errors, 1 warning (LC001 x2, LC004 x2) in 41 files; 1 file not analysed; 120 ms}. */
    public static String summary(Report report) {
        long errors = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = report.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
        long notes = report.findings().stream().filter(f -> f.severity() == Severity.NOTE).count();
        StringBuilder sb = new StringBuilder("lockcheck: ");
        if (report.findings().isEmpty()) {
            sb.append("no findings");
        } else {
            sb.append(plural(errors, "error")).append(", ").append(plural(warnings, "warning"));
            if (notes > 0) sb.append(", ").append(plural(notes, "note"));
            Map<String, Integer> byRule = new TreeMap<>();
            report.findings().forEach(f -> byRule.merge(f.ruleId(), 1, Integer::sum));
            StringBuilder rules = new StringBuilder();
            byRule.forEach((id, n) -> rules.append(rules.length() == 0 ? "" : ", ").append(id).append(" x").append(n));
            sb.append(" (").append(rules).append(")");
        }
        if (report.stats() != null) {
            sb.append(" in ").append(plural(report.stats().files(), "file"));
        }
        if (!report.errors().isEmpty()) sb.append("; ").append(plural(report.errors().size(), "file")).append(" not analysed");
        if (report.stats() != null) sb.append("; ").append(report.stats().durationMs()).append(" ms");
        return sb.toString();
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private String severity(Severity s) {
        return switch (s) {
            case ERROR -> paint("1;31", "error");
            case WARNING -> paint("1;33", "warning");
            case NOTE -> paint("1;36", "note");
        };
    }

    private String bold(String s) {
        return paint("1", s);
    }

    private String dim(String s) {
        return paint("2", s);
    }

    private String paint(String code, String s) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
