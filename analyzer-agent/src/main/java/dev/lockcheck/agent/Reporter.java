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

    /**
     * The report of a run without findings, byte for byte what {@link ReportJson} writes for it (a
     * test holds them equal): a clean run's exit then loads no JSON library (about 1,000 classes).
     */
    static final String EMPTY = ("{\n  \"schema\" : \"" + Report.SCHEMA + "\",\n  \"tool\" : {\n    \"name\" : \""
            + dev.lockcheck.report.Tool.LOCKCHECK.name() + "\",\n    \"version\" : \"" + dev.lockcheck.report.Tool.LOCKCHECK.version()
            + "\"\n  },\n  \"source\" : \"" + Report.RUNTIME + "\",\n  \"findings\" : [ ],\n  \"errors\" : [ ],\n  \"warnings\" : [ ]\n}")
            .replace("\n", System.lineSeparator()) + "\n"; // Jackson indents with the platform's line separator

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
                if (findings.isEmpty()) out.write(EMPTY.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                else ReportJson.write(Report.of(Report.RUNTIME, findings, null, null, null), out);
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

    /**
     * The report location: the first frame outside the JDK and the agent with a line, else the given
     * site, else the first frame at all (a frame without a line is located by its class's file,
     * line 0). "unknown" only when there is no frame and no site.
     */
    static Location location(List<String> stack, int fallbackSite) {
        Location lineless = null;
        for (String f : stack) {
            if (f.startsWith("java.") || f.startsWith("jdk.") || f.startsWith("sun.")) continue;
            Location l = parse(f);
            if (l != null && l.line() > 0) return l;
            if (lineless == null) lineless = l;
        }
        Sites.Site s = Sites.get(fallbackSite);
        if (s != null) return new Location(s.path(), Math.max(0, s.line()), 1);
        if (lineless != null) return lineless;
        for (String f : stack) {
            Location l = parse(f);
            if (l != null) return l;
        }
        return new Location("unknown", 0, 0);
    }

    /** {@code pkg.Cls.m(Cls.java:12)} as a location; without a line (or a file), line 0 in the class's file. */
    private static Location parse(String f) {
        int open = f.lastIndexOf('(');
        if (open < 0) return null;
        int method = f.lastIndexOf('.', open);
        if (method < 0) return null;
        String cls = f.substring(0, method);
        int dot = cls.lastIndexOf('.');
        String pkg = dot < 0 ? "" : cls.substring(0, dot).replace('.', '/') + "/";
        String inside = f.substring(open + 1, f.length() - 1);
        int colon = inside.lastIndexOf(':');
        String file = colon < 0 ? inside : inside.substring(0, colon);
        if (!file.endsWith(".java") && !file.endsWith(".kt") && !file.endsWith(".groovy") && !file.endsWith(".scala")) {
            file = cls.substring(dot + 1).replaceAll("\\$.*", "") + ".java";
        }
        int line = 0;
        if (colon >= 0) {
            try {
                line = Integer.parseInt(inside.substring(colon + 1));
            } catch (NumberFormatException e) {
                line = 0;
            }
        }
        return new Location(pkg + file, line, line > 0 ? 1 : 0);
    }

    /** Trace steps, leaving out the ones whose place is unknown. */
    static List<dev.lockcheck.report.TraceStep> trace(dev.lockcheck.report.TraceStep... steps) {
        List<dev.lockcheck.report.TraceStep> out = new ArrayList<>();
        for (dev.lockcheck.report.TraceStep s : steps) add(out, s);
        return out;
    }

    static void add(List<dev.lockcheck.report.TraceStep> trace, dev.lockcheck.report.TraceStep s) {
        if (s != null) trace.add(s);
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
