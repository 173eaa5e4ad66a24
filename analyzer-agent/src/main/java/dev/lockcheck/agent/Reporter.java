package dev.lockcheck.agent;

import dev.lockcheck.report.Finding;
import dev.lockcheck.report.Location;
import dev.lockcheck.report.Report;
import dev.lockcheck.report.ReportJson;
import dev.lockcheck.report.ThreadSnapshot;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects runtime findings: each distinct one once (by fingerprint), lockdep-style text on standard
 * error as it is found, the JSON report rewritten on every finding and at exit.
 */
final class Reporter {
    private final Options options;
    private final PrintStream err;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();

    Reporter(Options options, PrintStream err) {
        this.options = options;
        this.err = err;
    }

    /** Adds the finding unless an equal one (same fingerprint) was reported; true when new. */
    synchronized boolean report(Finding f, String text) {
        if (!seen.add(f.fingerprint())) return false;
        findings.add(f);
        err.print(text);
        err.flush();
        write();
        return true;
    }

    synchronized int count() {
        return findings.size();
    }

    synchronized void write() {
        Path p = Path.of(options.report());
        try {
            Path parent = p.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ReportJson.write(Report.of(Report.RUNTIME, findings, null, null, null), out);
            }
            Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (Exception e) {
            AgentMain.warnOnce("could not write the report " + p + ": " + e);
        }
    }

    /** A thread's stack as report frames, without the agent's own frames. */
    static List<String> stack(StackTraceElement[] frames) {
        List<String> out = new ArrayList<>();
        for (StackTraceElement f : frames) {
            if (f.getClassName().startsWith("dev.lockcheck.agent.")) continue;
            out.add(f.getClassName() + "." + f.getMethodName() + "(" + (f.isNativeMethod() ? "Native Method"
                    : (f.getFileName() == null ? "Unknown Source" : f.getFileName())
                    + (f.getLineNumber() >= 0 ? ":" + f.getLineNumber() : "")) + ")");
        }
        return out;
    }

    static ThreadSnapshot snapshot(Thread t, List<String> stack) {
        return new ThreadSnapshot(t.getName(), t.getId(), t.getState().name(), stack);
    }

    /** The report location: the first frame outside the JDK and the agent, else the given site. */
    static Location location(List<String> stack, int fallbackSite) {
        for (String f : stack) {
            if (f.startsWith("java.") || f.startsWith("jdk.") || f.startsWith("sun.")) continue;
            int open = f.lastIndexOf('(');
            int colon = f.lastIndexOf(':');
            int method = f.lastIndexOf('.', open);
            int cls = f.lastIndexOf('.', method - 1);
            if (open < 0 || colon < open) continue;
            String pkg = cls < 0 ? "" : f.substring(0, cls).replace('.', '/') + "/";
            try {
                int line = Integer.parseInt(f.substring(colon + 1, f.length() - 1));
                return new Location(pkg + f.substring(open + 1, colon), line, 1);
            } catch (NumberFormatException e) {
                continue;
            }
        }
        Sites.Site s = Sites.get(fallbackSite);
        return s == null ? new Location("unknown", 0, 0) : new Location(s.path(), s.line(), 1);
    }

    static String fingerprint(String... parts) {
        return Integer.toHexString(String.join("|", parts).hashCode()) + Long.toHexString(
                String.join("/", parts).chars().asLongStream().reduce(1125899906842597L, (h, c) -> 31 * h + c));
    }

    static String banner(String ruleId, String name, String summary) {
        return "\n======================================================\n"
                + "WARNING: lockcheck " + ruleId + " " + name + ": " + summary + "\n"
                + "------------------------------------------------------\n";
    }
}
