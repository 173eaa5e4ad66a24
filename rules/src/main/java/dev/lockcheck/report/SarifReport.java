package dev.lockcheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lockcheck.rules.Rule;
import dev.lockcheck.rules.RuleCatalog;
import dev.lockcheck.rules.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run; {@code tool.driver.rules} from the catalog
 * (short and full description, help text and Markdown, a help URI to the rule's page in the
 * repository, default level, tags); results with repository-relative URIs under
 * {@code %SRCROOT%}, the lock's acquisition site as a related location, every trace step as a
 * thread-flow location, {@code partialFingerprints}, and in-source suppressions; one invocation
 * with files that could not be analysed as tool execution notifications.
 *
 * <p>Checked by the official validator ({@code sarif-multitool validate}, SARIF and GitHub rules)
 * in {@code SarifValidatorTest}: no error, no warning.
 */
public final class SarifReport {
    /**
     * Environment variable giving the base URL of the rule pages ({@code <base>LC001.md}), e.g. where a
     * team publishes the distribution's {@code docs/rules/}, or a repository's {@code rules/docs/}.
     */
    public static final String RULES_URL_ENV = "LOCKCHECK_RULES_URL";
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String SRCROOT = "%SRCROOT%";
    /** Key of lockcheck's own fingerprint in {@code partialFingerprints}. */
    public static final String FINGERPRINT_KEY = "lockcheck/v1";

    private static final Pattern ACQUISITION = Pattern.compile(
            "acquir|\\btaken\\b|\\btakes\\b|\\bholds\\b|\\blocked\\b|\\block\\(\\)", Pattern.CASE_INSENSITIVE);

    private final UnaryOperator<String> repoRelative;
    private Path srcRoot;
    private String rulesUrl;
    private Invocation invocation;
    private java.util.function.Function<String, List<String>> sourceLines = p -> null;

    /**
     * One command-line run, for {@code runs[0].invocations}.
     *
     * @param arguments the command line after the program name
     * @param workingDirectory where it ran
     */
    public record Invocation(List<String> arguments, Instant start, Instant end, Path workingDirectory) {
    }

    /** @param repoRelative maps a report path to a path relative to the repository root ({@code %SRCROOT%}) */
    public SarifReport(UnaryOperator<String> repoRelative) {
        this.repoRelative = repoRelative;
    }

    /** The directory {@code %SRCROOT%} stands for (written as {@code originalUriBaseIds}); null: left to the consumer. */
    public SarifReport srcRoot(Path dir) {
        this.srcRoot = dir;
        return this;
    }

    /**
     * Base URL of the rule pages: each rule's {@code helpUri} is {@code <base>LC001.md}. Null (the
     * default): no {@code helpUri}; the page itself is in {@code help.markdown}, and
     * {@code lockcheck explain LC001} or the distribution's {@code docs/rules/} show it.
     */
    public SarifReport rulesUrl(String base) {
        this.rulesUrl = base == null || base.isBlank() ? null : (base.endsWith("/") ? base : base + "/");
        return this;
    }

    /**
     * Source text for code snippets: report path → the file's lines, or null when unknown. With it,
     * each result's region carries its snippet and a context region of two lines either side.
     */
    public SarifReport sources(java.util.function.Function<String, List<String>> linesOf) {
        this.sourceLines = linesOf;
        return this;
    }

    public SarifReport invocation(Invocation inv) {
        this.invocation = inv;
        return this;
    }

    /** The help page of a rule, {@code <base>LC001.md}, or null when no base URL is set. */
    public String helpUri(String ruleId) {
        return rulesUrl == null ? null : rulesUrl + ruleId + ".md";
    }

    public void write(Report report, OutputStream out) throws IOException {
        ReportJson.mapper().writeValue(new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        }, toJson(report));
        out.write('\n');
        out.flush();
    }

    public String toString(Report report) {
        try {
            return ReportJson.mapper().writeValueAsString(toJson(report)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public ObjectNode toJson(Report report) {
        ObjectNode root = ReportJson.mapper().createObjectNode();
        root.put("$schema", SCHEMA_URI);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        Tool tool = report.tool() == null ? Tool.LOCKCHECK : report.tool();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", tool.name());
        driver.put("fullName", "lockcheck lock-misuse analyzer for Java");
        driver.put("version", tool.version());
        driver.put("semanticVersion", tool.version());
        if (rulesUrl != null) driver.put("informationUri", rulesUrl);

        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode rules = driver.putArray("rules");
        for (Rule r : RuleCatalog.get().all()) {
            ruleIndex.put(r.id(), ruleIndex.size());
            ruleDescriptor(rules.addObject(), r.id(), r.name(), r.summary(), r.page(), r.severity(),
                    r.kind().name().toLowerCase(Locale.ROOT));
        }
        for (Finding f : report.findings()) {
            if (!ruleIndex.containsKey(f.ruleId())) {
                // a rule this build does not know (a newer agent's report): describe it from the finding
                ruleIndex.put(f.ruleId(), ruleIndex.size());
                String text = "lockcheck rule " + f.ruleId() + ", see its page in the lockcheck repository";
                ruleDescriptor(rules.addObject(), f.ruleId(), "Rule" + f.ruleId(), text, text, f.severity(), report.source());
            }
        }

        // %SRCROOT% is named, not located: an absolute path of the machine that ran the scan means nothing
        // where the log is read (code scanning resolves it to the repository root)
        run.putObject("originalUriBaseIds").putObject(SRCROOT).putObject("description")
                .put("text", "The root of the repository the scan ran in.");
        invocation(run.putArray("invocations").addObject(), report);

        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) result(results.addObject(), f, ruleIndex.get(f.ruleId()));
        run.put("columnKind", "utf16CodeUnits");
        return root;
    }

    private void ruleDescriptor(ObjectNode rn, String id, String name, String summary, String page, Severity severity,
                                String kind) {
        rn.put("id", id);
        if (!name.equals(id)) rn.put("name", name); // validator SARIF1001: a name equal to the id must be omitted
        rn.putObject("shortDescription").put("text", shortDescription(summary));
        rn.putObject("fullDescription").put("text", sentence(summary));
        String where = helpUri(id) != null ? helpUri(id) : "'lockcheck explain " + id + "', or docs/rules/" + id
                + ".md in the lockcheck distribution";
        rn.putObject("help").put("text", sentence(summary) + " The rule's page (what it flags, why it deadlocks, a bad"
                + " and a fixed example): " + where + ".").put("markdown", page);
        if (helpUri(id) != null) rn.put("helpUri", helpUri(id));
        rn.putObject("defaultConfiguration").put("level", level(severity));
        ObjectNode props = rn.putObject("properties");
        ArrayNode tags = props.putArray("tags");
        tags.add("concurrency");
        tags.add("correctness");
        if (kind != null) tags.add(kind);
        props.put("precision", "high");
        props.put("problem.severity", severity == Severity.NOTE ? "recommendation" : level(severity));
    }

    private void result(ObjectNode res, Finding f, int ruleIdx) {
        res.put("ruleId", f.ruleId());
        res.put("ruleIndex", ruleIdx);
        res.put("level", level(f.severity()));
        Optional<TraceStep> acquired = acquisition(f);
        String text = sentence(f.message());
        if (acquired.isPresent()) text += " The lock was acquired [here](1).";
        res.putObject("message").put("text", text);
        ObjectNode primary = res.putArray("locations").addObject();
        Location l = f.location();
        physical(primary, l.file(), l.line(), l.column());
        snippet((ObjectNode) primary.get("physicalLocation"), l);
        if (f.lock() != null && !f.lock().isBlank()) {
            primary.putArray("logicalLocations").addObject().put("fullyQualifiedName", f.lock()).put("kind", "variable");
        }
        if (acquired.isPresent()) {
            TraceStep t = acquired.get();
            ObjectNode rel = res.putArray("relatedLocations").addObject();
            rel.put("id", 1);
            physical(rel, t.file(), t.line(), 0);
            rel.putObject("message").put("text", sentence(t.note()));
        }
        if (!f.trace().isEmpty()) {
            ObjectNode flow = res.putArray("codeFlows").addObject();
            flow.putObject("message").put("text", "Where the lock was taken, and each call down to the reported one.");
            ArrayNode steps = flow.putArray("threadFlows").addObject().putArray("locations");
            List<TraceStep> trace = new ArrayList<>(f.trace());
            boolean primaryInTrace = trace.stream().anyMatch(t -> l.file().equals(t.file()) && l.line() == t.line());
            if (!primaryInTrace) trace.add(new TraceStep(l.file(), l.line(), f.message()));
            int order = 0;
            for (TraceStep t : trace) {
                ObjectNode step = steps.addObject();
                ObjectNode loc = step.putObject("location");
                boolean atPrimary = l.file().equals(t.file()) && l.line() == t.line();
                physical(loc, t.file(), t.line(), atPrimary ? l.column() : 0);
                loc.putObject("message").put("text", sentence(t.note()));
                step.put("executionOrder", ++order);
            }
        }
        res.putObject("partialFingerprints").put(FINGERPRINT_KEY, Fingerprints.key(f));
        if (f.suppressedBy() != null) {
            res.putArray("suppressions").addObject().put("kind", "inSource").put("justification", f.suppressedBy());
        }
        if (f.threads() != null && !f.threads().isEmpty()) {
            // runtime findings: each thread's part, kept for tools that read SARIF properties
            ArrayNode threads = res.putObject("properties").putArray("lockcheck/threads");
            for (ThreadSnapshot th : f.threads()) {
                ObjectNode tn = threads.addObject().put("name", th.name()).put("id", th.id()).put("state", th.state());
                ArrayNode stack = tn.putArray("stack");
                th.stack().forEach(stack::add);
            }
        }
    }

    private void snippet(ObjectNode phys, Location l) {
        List<String> lines;
        try {
            lines = sourceLines.apply(l.file());
        } catch (RuntimeException e) {
            return; // a snippet is a nicety: an unreadable file goes without
        }
        if (lines == null || l.line() < 1 || l.line() > lines.size()) return;
        String line = lines.get(l.line() - 1);
        ObjectNode region = (ObjectNode) phys.get("region");
        String text = l.column() > 0 && l.column() <= line.length() ? line.substring(l.column() - 1) : line;
        region.putObject("snippet").put("text", text);
        int from = Math.max(1, l.line() - 2), to = Math.min(lines.size(), l.line() + 2);
        if (to > from) {
            ObjectNode ctx = phys.putObject("contextRegion");
            ctx.put("startLine", from);
            ctx.put("endLine", to);
            ctx.putObject("snippet").put("text", String.join("\n", lines.subList(from - 1, to)) + "\n");
        }
    }

    private void invocation(ObjectNode inv, Report report) {
        inv.put("executionSuccessful", true);
        if (invocation != null) {
            List<String> arguments = invocation.arguments().stream().map(this::portableArgument).toList();
            inv.put("commandLine", "lockcheck " + String.join(" ", arguments));
            ArrayNode args = inv.putArray("arguments");
            arguments.forEach(args::add);
            if (invocation.start() != null) inv.put("startTimeUtc", invocation.start().toString());
            if (invocation.end() != null) inv.put("endTimeUtc", invocation.end().toString());
            // no workingDirectory: an absolute path of the machine that ran the scan
        }
        if (report.errors().isEmpty() && report.warnings().isEmpty()) return;
        ArrayNode notes = inv.putArray("toolExecutionNotifications");
        for (FileError e : report.errors()) notification(notes.addObject(), "error", e);
        for (FileError e : report.warnings()) notification(notes.addObject(), "warning", e);
    }

    private void notification(ObjectNode n, String level, FileError e) {
        n.put("level", level);
        n.putObject("message").put("text", sentence(e.file() + ": " + e.message()));
        ObjectNode loc = n.putArray("locations").addObject().putObject("physicalLocation");
        artifact(loc, e.file());
    }

    private void physical(ObjectNode loc, String file, int line, int column) {
        ObjectNode phys = loc.putObject("physicalLocation");
        artifact(phys, file);
        ObjectNode region = phys.putObject("region");
        region.put("startLine", Math.max(1, line));
        if (column > 0) region.put("startColumn", column);
    }

    private void artifact(ObjectNode phys, String file) {
        String path = repoRelative.apply(file).replace('\\', '/');
        ObjectNode art = phys.putObject("artifactLocation");
        if (isAbsolute(path)) {
            art.put("uri", Path.of(path).toUri().toString());
        } else {
            while (path.startsWith("./")) path = path.substring(2);
            art.put("uri", encodePath(path));
            art.put("uriBaseId", SRCROOT);
        }
    }

    private static boolean isAbsolute(String p) {
        return p.startsWith("/") || p.matches("^[A-Za-z]:/.*");
    }

    static String encodePath(String relative) {
        try {
            return new URI(null, null, relative, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot express " + relative + " as a URI", e);
        }
    }

    /**
     * A command-line argument without the machine's absolute paths: a path (or {@code --opt=path}) under the
     * source root becomes relative to it; any other absolute path keeps only its file name.
     */
    String portableArgument(String arg) {
        int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
        String head = eq < 0 ? "" : arg.substring(0, eq + 1);
        String value = eq < 0 ? arg : arg.substring(eq + 1);
        if (!isAbsolute(value.replace('\\', '/'))) return arg;
        Path p = Path.of(value).normalize();
        if (srcRoot != null && p.startsWith(srcRoot.toAbsolutePath().normalize())) {
            String rel = srcRoot.toAbsolutePath().normalize().relativize(p).toString().replace('\\', '/');
            return head + (rel.isEmpty() ? "." : rel);
        }
        return head + ".../" + (p.getFileName() == null ? "" : p.getFileName().toString());
    }

    /**
     * Where the held lock was taken: for a runtime finding, from its cycle data (the first {@code holds}
     * edge whose frame names a file the finding's location or trace knows); otherwise the trace step whose
     * note says so.
     */
    static Optional<TraceStep> acquisition(Finding f) {
        if (f.cycle() != null) {
            for (Cycle.Edge e : f.cycle().edges()) {
                if (!Cycle.HOLDS.equals(e.kind()) || e.at() == null) continue;
                java.util.regex.Matcher m = FRAME_FILE.matcher(e.at());
                if (!m.find()) continue;
                String file = knownPath(f, m.group(1));
                if (file == null) continue;
                String thread = f.cycle().threads().stream().filter(n -> n.id().equals(e.from())).map(Cycle.Node::name).findFirst().orElse(e.from());
                String lock = f.cycle().locks().stream().filter(n -> n.id().equals(e.to())).map(Cycle.Node::name).findFirst().orElse(e.to());
                return Optional.of(new TraceStep(file, Integer.parseInt(m.group(2)),
                        "thread " + thread + " took " + lock + (e.mode() == null ? "" : " (" + e.mode() + ")")));
            }
        }
        return f.trace().stream().filter(t -> t.note() != null && ACQUISITION.matcher(t.note()).find()).findFirst();
    }

    /** {@code acme.Cache.get(Cache.java:42)} → Cache.java, 42. */
    private static final Pattern FRAME_FILE = Pattern.compile("\\(([^():]+\\.java):(\\d+)\\)$");

    /** The report path of a file the finding names, by its file name. */
    private static String knownPath(Finding f, String fileName) {
        List<String> paths = new ArrayList<>();
        if (f.location() != null) paths.add(f.location().file());
        for (TraceStep t : f.trace()) paths.add(t.file());
        for (String p : paths) if (p != null && (p.equals(fileName) || p.endsWith("/" + fileName))) return p;
        return null;
    }

    /** First clause of the summary, as a sentence: what GitHub shows as the rule's title. */
    static String shortDescription(String summary) {
        String s = summary.strip();
        int cut = s.indexOf(": ");
        if (cut > 20) s = s.substring(0, cut);
        return sentence(s);
    }

    /** SARIF messages are sentences: a period at the end (validator rule SARIF2001). */
    static String sentence(String s) {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty()) return "(no message).";
        char last = t.charAt(t.length() - 1);
        return last == '.' || last == '!' || last == '?' ? t : t + ".";
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }
}
