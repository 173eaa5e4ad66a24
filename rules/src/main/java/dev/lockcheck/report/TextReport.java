package dev.lockcheck.report;

import dev.lockcheck.rules.RuleCatalog;
import dev.lockcheck.rules.Severity;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Compiler-style text for a terminal: {@code file:line:col: severity: [LC001] message}, the trace
 * indented under each finding (runtime findings: each thread and its stack), file errors, then a
 * summary: one line of totals, one line per rule with its counts by severity, and any notes the
 * caller adds (e.g. what the baseline hid). A suppressed finding (shown only on request) is tagged
 * {@code [suppressed: how]} and counted apart: it never fails a build.
 */
public final class TextReport {
    private final UnaryOperator<String> displayPath;
    private final boolean color;
    private List<String> notes = List.of();

    /**
     * @param displayPath maps a report path (relative to its scanned root) to what a person can open
     *                    from the current directory
     * @param color       ANSI colour; only on a terminal and never with NO_COLOR (the caller decides)
     */
    public TextReport(UnaryOperator<String> displayPath, boolean color) {
        this.displayPath = displayPath;
        this.color = color;
    }

    /** Extra lines for the end of the summary, e.g. {@code baseline: 3 known findings hidden, ...}. */
    public TextReport notes(List<String> lines) {
        this.notes = List.copyOf(lines);
        return this;
    }

    public void write(Report report, PrintStream out) {
        for (Finding f : report.findings()) {
            Location l = f.location();
            String tag = f.suppressedBy() == null ? "" : " " + dim("[suppressed: " + f.suppressedBy() + "]");
            out.println(bold(displayPath.apply(l.file()) + ":" + l.line() + ":" + l.column() + ":") + " "
                    + severity(f.severity()) + ": [" + f.ruleId() + "] " + f.message() + tag);
            for (TraceStep t : f.trace()) {
                out.println("    " + dim(displayPath.apply(t.file()) + ":" + t.line() + ":") + " " + t.note());
            }
            if (f.threads() != null) {
                for (ThreadSnapshot th : f.threads()) {
                    out.println("    thread \"" + th.name() + "\" #" + th.id() + " (" + th.state() + ")");
                    for (String frame : th.stack()) out.println("        at " + frame);
                }
            }
        }
        for (FileError e : report.errors()) {
            out.println(bold(displayPath.apply(e.file()) + ":") + " " + paint("1;31", "error") + ": " + e.message());
        }
        for (FileError e : report.warnings()) {
            out.println(bold(displayPath.apply(e.file()) + ":") + " " + paint("1;33", "warning") + ": " + e.message());
        }
        if (!report.findings().isEmpty() || !report.errors().isEmpty() || !report.warnings().isEmpty()) out.println();
        out.println(bold(summary(report)));
        for (String line : byRule(report)) out.println("  " + line);
        for (String n : notes) out.println("  " + n);
        out.flush();
    }

    /**
     * The totals line, e.g. {@code lockcheck: 3 errors, 1 warning (LC001 x2, LC004 x2) in 41 files;
     * 1 file not analysed; 120 ms}. Suppressed findings are counted apart.
     */
    public static String summary(Report report) {
        List<Finding> active = report.findings().stream().filter(f -> f.suppressedBy() == null).toList();
        long suppressed = report.findings().size() - active.size();
        long errors = active.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = active.stream().filter(f -> f.severity() == Severity.WARNING).count();
        long notes = active.stream().filter(f -> f.severity() == Severity.NOTE).count();
        StringBuilder sb = new StringBuilder("lockcheck: ");
        if (active.isEmpty()) {
            sb.append("no findings");
        } else {
            sb.append(plural(errors, "error")).append(", ").append(plural(warnings, "warning"));
            if (notes > 0) sb.append(", ").append(plural(notes, "note"));
            Map<String, Integer> byRule = new TreeMap<>();
            active.forEach(f -> byRule.merge(f.ruleId(), 1, Integer::sum));
            StringBuilder rules = new StringBuilder();
            byRule.forEach((id, n) -> rules.append(rules.length() == 0 ? "" : ", ").append(id).append(" x").append(n));
            sb.append(" (").append(rules).append(")");
        }
        if (suppressed > 0) sb.append(", ").append(suppressed).append(" suppressed");
        if (report.stats() != null && !(Report.RUNTIME.equals(report.source()) && report.stats().files() == 0)) {
            sb.append(" in ").append(plural(report.stats().files(), "file"));
        }
        if (!report.errors().isEmpty()) sb.append("; ").append(plural(report.errors().size(), "file")).append(" not analysed");
        if (report.stats() != null) sb.append("; ").append(report.stats().durationMs()).append(" ms");
        return sb.toString();
    }

    /** One line per rule: {@code LC001 ReadLockAcrossHandoff  2 errors, 1 warning (1 suppressed)}. */
    public static List<String> byRule(Report report) {
        Map<String, Map<Severity, Integer>> counts = new TreeMap<>();
        Map<String, Integer> suppressed = new TreeMap<>();
        for (Finding f : report.findings()) {
            if (f.suppressedBy() != null) {
                suppressed.merge(f.ruleId(), 1, Integer::sum);
                counts.computeIfAbsent(f.ruleId(), k -> new EnumMap<>(Severity.class));
            } else {
                counts.computeIfAbsent(f.ruleId(), k -> new EnumMap<>(Severity.class)).merge(f.severity(), 1, Integer::sum);
            }
        }
        int width = 0;
        for (String id : counts.keySet()) width = Math.max(width, label(id).length());
        List<String> lines = new ArrayList<>();
        for (var e : counts.entrySet()) {
            List<String> parts = new ArrayList<>();
            e.getValue().forEach((sev, n) -> parts.add(plural(n, sev.id())));
            String s = String.format("%-" + width + "s  %s", label(e.getKey()), String.join(", ", parts));
            Integer sup = suppressed.get(e.getKey());
            if (sup != null) s = (parts.isEmpty() ? s + sup + " suppressed" : s + " (" + sup + " suppressed)");
            lines.add(s.stripTrailing());
        }
        return lines;
    }

    private static String label(String ruleId) {
        return RuleCatalog.get().find(ruleId).map(r -> ruleId + " " + r.name()).orElse(ruleId);
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
