package dev.lockcheck.cli;

import dev.lockcheck.analysis.ScanOptions;
import dev.lockcheck.analysis.ScanResult;
import dev.lockcheck.analysis.Scanner;
import dev.lockcheck.report.Baseline;
import dev.lockcheck.report.Finding;
import dev.lockcheck.report.Report;
import dev.lockcheck.report.ReportJson;
import dev.lockcheck.report.SarifReport;
import dev.lockcheck.report.TextReport;
import dev.lockcheck.rules.RuleCatalog;
import dev.lockcheck.rules.Severity;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan Java source trees or files for lock misuse.",
        footer = {"", "Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; "
                + "2 bad usage or unreadable input; 3 the analysis itself failed."})
final class ScanCommand implements Callable<Integer> {
    enum Format { text, json, sarif }

    enum FailOn { error, warning, never }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "source directories or .java files")
    List<String> paths;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json or sarif")
    Format format = Format.text;

    @Option(names = "--output", paramLabel = "FILE", description = "write the report here instead of standard output")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "error (default), warning or never")
    FailOn failOn = FailOn.error;

    @Option(names = "--baseline", paramLabel = "FILE", description = "findings recorded in FILE are not reported")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE", description = "record the current findings in FILE and exit 0")
    Path writeBaseline;

    @Option(names = "--rules", paramLabel = "IDS", split = ",", description = "only these rules, e.g. LC001,LC002")
    List<String> rules;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "skip paths matching this glob (relative to the scanned root), e.g. '**/generated/**'; repeatable")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--jobs", paramLabel = "N",
            description = "parallelism (default: all cores; at most twice the cores, and 64)")
    Integer jobs;

    @Option(names = "--max-file-size", paramLabel = "BYTES",
            description = "skip larger .java files (generated code) with a warning in the report "
                    + "(default: what the heap can parse safely, 512 KiB to 8 MiB)")
    Long maxFileSize;

    @Option(names = "--rules-url", paramLabel = "URL",
            description = "SARIF: base URL of the rule pages (each rule's helpUri is URL/LC001.md), e.g. where you publish "
                    + "the distribution's docs/rules/ (default: $LOCKCHECK_RULES_URL; none: the page is inside the SARIF)")
    String rulesUrl;

    @Option(names = "--no-prefilter",
            description = "parse every file, not only those that can matter (slower; same findings, and parse errors of every file)")
    boolean noPrefilter;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "keep the on-disk cache here (default: .lockcheck-cache/ beside a single scanned directory)")
    Path cacheDir;

    @Option(names = "--no-cache", description = "neither read nor write the on-disk cache")
    boolean noCache;

    @Option(names = "--strict", description = "files that cannot be analysed fail the scan (exit 2)")
    boolean strict;

    @Option(names = "--show-suppressed", description = "also report findings suppressed in the source "
            + "(@SuppressWarnings(\"lockcheck...\"), // lockcheck:ignore), tagged; they never fail the scan")
    boolean showSuppressed;

    @Override
    public Integer call() throws IOException {
        java.time.Instant start = java.time.Instant.now();
        Set<String> ruleIds = validateRules();
        int n = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (n < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1 (was " + n + ")");
        n = cappedJobs(n, Runtime.getRuntime().availableProcessors());
        validateExcludes(excludes);
        if (writeBaseline != null) checkWritableFile(writeBaseline, "--write-baseline");
        if (output != null) checkWritableFile(output, "--output");
        List<String> roots = ScanInputs.roots(paths);
        long maxBytes = maxFileSize != null ? maxFileSize : ScanInputs.defaultMaxFileBytes();
        ScanInputs.Oversized big = ScanInputs.oversized(roots, maxBytes);
        List<String> allExcludes = new ArrayList<>(excludes);
        allExcludes.addAll(big.excludes());
        Baseline known = null;
        if (baseline != null) {
            if (!Files.isReadable(baseline)) throw new Main.UsageException("--baseline: cannot read " + baseline);
            try {
                known = Baseline.read(baseline);
            } catch (IOException e) {
                throw new Main.UsageException("--baseline: " + e.getMessage());
            }
        }

        ScanResult result = new Scanner(new ScanOptions(roots, allExcludes, n, ruleIds, !noPrefilter, cacheDir(),
                System.console() != null && System.getenv("CI") == null)).scan();
        PrintStream err = System.err;
        ScanInputs.Unreadable unreadable = ScanInputs.classify(result.unreadableRoots(), paths);
        for (String missing : unreadable.roots()) err.println("lockcheck: " + missing);
        Report report = ScanInputs.withProblems(result.report(), unreadable.inside(), big.warnings());
        if (format != Format.text || output != null) {
            // a text report on standard output lists them itself
            for (var w : big.warnings()) err.println("lockcheck: warning: " + w.file() + ": " + w.message());
        }

        if (writeBaseline != null) {
            List<Finding> current = report.findings().stream().filter(f -> f.suppressedBy() == null).toList();
            try {
                Baseline.of(current).write(writeBaseline);
            } catch (IOException e) {
                throw new Main.UsageException("--write-baseline: cannot write " + writeBaseline + ": " + reason(e));
            }
            err.println("lockcheck: wrote " + current.size() + " finding(s) to baseline " + writeBaseline);
            return Main.EXIT_OK;
        }
        List<String> notes = new ArrayList<>();
        report = gate(report, known, baseline == null ? null : baseline.toString(), showSuppressed, notes);

        try {
            write(report, result, notes, start);
        } catch (IOException e) {
            if (output == null && Main.isBrokenPipe(e)) return Main.EXIT_OK; // `lockcheck scan | head`: the reader left
            throw new Main.UsageException((output == null ? "standard output" : "--output " + output)
                    + ": cannot write the report: " + reason(e));
        }
        if (format != Format.text || output != null) for (String note : notes) err.println("lockcheck: " + note);

        if (!unreadable.roots().isEmpty()) return Main.EXIT_USAGE;
        if (strict && !report.errors().isEmpty()) return Main.EXIT_USAGE;
        return failed(report.findings(), failOn) ? Main.EXIT_FINDINGS : Main.EXIT_OK;
    }

    /**
     * What a scan reports: findings the baseline knows are hidden; suppressed findings are dropped,
     * or with {@code showSuppressed} kept (in location order) with their {@code suppressedBy}. Adds
     * a line to {@code notes} for each of the two.
     */
    static Report gate(Report scanned, Baseline known, String baselineName, boolean showSuppressed, List<String> notes) {
        List<Finding> suppressed = scanned.findings().stream().filter(f -> f.suppressedBy() != null).toList();
        List<Finding> active = scanned.findings().stream().filter(f -> f.suppressedBy() == null).toList();
        if (known != null) {
            Baseline.Applied applied = known.apply(active);
            active = applied.findings();
            notes.add("baseline " + baselineName + ": " + applied.describe());
        }
        if (suppressed.isEmpty()) return scanned.withFindings(active);
        if (!showSuppressed) {
            notes.add(suppressed.size() + " suppressed finding" + (suppressed.size() == 1 ? "" : "s")
                    + " not shown (--show-suppressed shows them)");
            return scanned.withFindings(active);
        }
        List<Finding> all = new ArrayList<>(active);
        all.addAll(suppressed);
        all.sort(java.util.Comparator.comparing((Finding f) -> f.location().file())
                .thenComparingInt(f -> f.location().line()).thenComparingInt(f -> f.location().column()));
        return scanned.withFindings(all);
    }

    /** Findings at or above the threshold fail; suppressed ones (shown on request) never do. */
    /** --cache, or .lockcheck-cache/ beside the root when exactly one directory is scanned; none with --no-cache. */
    private Path cacheDir() {
        if (noCache) return null;
        if (cacheDir != null) return cacheDir;
        if (paths.size() == 1 && Files.isDirectory(Path.of(paths.get(0)))) return Path.of(paths.get(0)).resolve(".lockcheck-cache");
        return null;
    }

    static boolean failed(List<Finding> findings, FailOn failOn) {
        if (failOn == FailOn.never) return false;
        Severity threshold = failOn == FailOn.error ? Severity.ERROR : Severity.WARNING;
        return findings.stream().anyMatch(f -> f.suppressedBy() == null && f.severity().atLeast(threshold));
    }

    private Set<String> validateRules() {
        if (rules == null) return null;
        Set<String> ids = new LinkedHashSet<>();
        for (String r : rules) {
            String id = r.trim().toUpperCase(Locale.ROOT);
            if (id.isEmpty()) continue;
            var rule = RuleCatalog.get().find(id);
            if (rule.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--rules: unknown rule '" + r.trim() + "' ('lockcheck rules' lists them)");
            }
            if (rule.get().kind() != dev.lockcheck.rules.Rule.Kind.STATIC) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--rules: " + id + " is a runtime rule: "
                        + "the java agent finds it (lockcheck run), a scan cannot");
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--rules: no rule given (e.g. --rules LC001,LC002; 'lockcheck rules' lists them)");
        }
        return ids;
    }

    /** More threads than cores buy nothing but memory: at most twice the cores, and never more than 64. */
    static int cappedJobs(int asked, int cores) {
        return Math.max(1, Math.min(asked, Math.min(cores * 2, 64)));
    }

    private void validateExcludes(List<String> globs) {
        for (String g : globs) {
            try {
                java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + g);
            } catch (RuntimeException e) {
                String why = e instanceof java.util.regex.PatternSyntaxException pse ? pse.getDescription() : e.getMessage();
                throw new CommandLine.ParameterException(spec.commandLine(), "--exclude: bad glob '" + g + "': " + why);
            }
        }
    }

    /** A report or baseline goes to a file: not a directory, and somewhere it can be created. */
    static void checkWritableFile(Path file, String option) {
        if (Files.isDirectory(file)) throw new Main.UsageException(option + ": " + file + " is a directory, not a file");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new Main.UsageException(option + ": cannot write " + file + ": " + parent + " is not a directory");
        }
    }

    static String reason(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such directory";
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) return fse.getReason();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private void write(Report report, ScanResult result, List<String> notes, java.time.Instant start) throws IOException {
        OutputStream raw = output == null ? System.out : openOutput();
        try (OutputStream out = new BufferedOutputStream(raw) {
            @Override
            public void close() throws IOException {
                flush();
                if (output != null) super.close();
            }
        }) {
            switch (format) {
                case json -> ReportJson.write(report, out);
                case sarif -> {
                    SourceRoot root = SourceRoot.of(paths);
                    new SarifReport(root.relativizer(result.displayPath()))
                            .srcRoot(root.dir())
                            .rulesUrl(rulesUrl != null ? rulesUrl : System.getenv(SarifReport.RULES_URL_ENV))
                            .sources(sourceLines(result))
                            .invocation(new SarifReport.Invocation(originalArgs(), start, java.time.Instant.now(),
                                    Path.of("").toAbsolutePath()))
                            .write(report, out);
                }
                case text -> {
                    boolean color = Terminal.colorEnabled(output == null && Terminal.stdoutIsTerminal(), System.getenv());
                    PrintStream ps = new PrintStream(out, false, StandardCharsets.UTF_8);
                    new TextReport(result.displayPath(), color).notes(notes).write(report, ps);
                    ps.flush();
                }
            }
        }
    }

    /** Report path → the file's lines (for SARIF snippets), read once per file; null when unreadable. */
    private static java.util.function.Function<String, List<String>> sourceLines(ScanResult result) {
        java.util.Map<String, List<String>> cache = new java.util.HashMap<>();
        return p -> cache.computeIfAbsent(p, k -> {
            try {
                byte[] bytes = Files.readAllBytes(Path.of(result.displayPath().apply(k)));
                String text;
                try {
                    text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
                } catch (java.nio.charset.CharacterCodingException e) {
                    text = new String(bytes, StandardCharsets.ISO_8859_1);
                }
                return List.of(text.split("\r\n|\r|\n", -1));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        });
    }

    private List<String> originalArgs() {
        CommandLine root = spec.root().commandLine();
        return root.getParseResult() == null ? List.of("scan") : root.getParseResult().originalArgs();
    }

    private OutputStream openOutput() {
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            return Files.newOutputStream(output);
        } catch (IOException e) {
            throw new Main.UsageException("--output: cannot write " + output + ": " + reason(e));
        }
    }
}
