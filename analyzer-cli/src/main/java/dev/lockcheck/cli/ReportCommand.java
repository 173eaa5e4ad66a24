package dev.lockcheck.cli;

import dev.lockcheck.report.FileError;
import dev.lockcheck.report.Finding;
import dev.lockcheck.report.HtmlReport;
import dev.lockcheck.report.Report;
import dev.lockcheck.report.ReportJson;
import dev.lockcheck.report.SarifReport;
import dev.lockcheck.report.Stats;
import dev.lockcheck.report.TextReport;
import dev.lockcheck.report.Tool;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lockcheck report FILE...}: reads lockcheck-report/1 JSON files (static scans, runtime
 * agent reports), merges them and renders one report. A finding present in several files counts
 * once: same fingerprint, or without one, same rule and location.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render or merge lockcheck JSON reports (static and runtime) as text, json, sarif or html.",
        footer = {"", "Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; "
                + "2 bad usage or an unreadable / non-lockcheck file (the message names it)."})
final class ReportCommand implements Callable<Integer> {
    enum Format { text, json, sarif, html }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "lockcheck-report/1 JSON files")
    List<Path> files;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json, sarif or html")
    Format format = Format.text;

    @Option(names = "--output", paramLabel = "FILE", description = "write the report here instead of standard output")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "error (default), warning or never")
    ScanCommand.FailOn failOn = ScanCommand.FailOn.error;

    @Option(names = "--source-root", paramLabel = "DIR",
            description = "where the sources are, repeatable: runtime findings then name files by their path from the "
                    + "working directory, so SARIF links them (default: src/main/java, src/test/java, */src/main/java, "
                    + "*/src/test/java under the working directory). SARIF paths are relative to the git repository "
                    + "around the first DIR (or the working directory), else to that directory")
    List<Path> sourceRoots;

    @Option(names = "--rules-url", paramLabel = "URL",
            description = "SARIF: base URL of the rule pages (each rule's helpUri is URL/LC001.md), e.g. where you publish "
                    + "the distribution's docs/rules/ (default: $LOCKCHECK_RULES_URL; none: the page is inside the SARIF)")
    String rulesUrl;

    @Override
    public Integer call() throws IOException {
        Instant start = Instant.now();
        List<Report> reports = new ArrayList<>();
        for (Path f : files) reports.add(read(f));
        if (output != null) ScanCommand.checkWritableFile(output, "--output");
        Report merged = SourceRoots.of(sourceRoots, Path.of("")).rewrite(merge(reports));
        try {
            write(merged, start);
        } catch (IOException e) {
            if (output == null && Main.isBrokenPipe(e)) return Main.EXIT_OK;
            throw new Main.UsageException((output == null ? "standard output" : "--output " + output)
                    + ": cannot write the report: " + ScanCommand.reason(e));
        }
        return ScanCommand.failed(merged.findings(), failOn) ? Main.EXIT_FINDINGS : Main.EXIT_OK;
    }

    /** Reads one report, or exit 2 with a message naming the file. */
    static Report read(Path file) {
        if (!Files.isRegularFile(file)) throw new Main.UsageException(file + ": no such report file");
        if (!Files.isReadable(file)) throw new Main.UsageException(file + ": cannot read (permission denied)");
        Report r;
        try {
            r = ReportJson.read(file);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new Main.UsageException(file + ": not a lockcheck-report/1 JSON file (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new Main.UsageException(m.startsWith(file.toString()) ? m : file + ": " + m);
        }
        for (int i = 0; i < r.findings().size(); i++) {
            Finding f = r.findings().get(i);
            if (f == null || f.ruleId() == null || f.severity() == null || f.message() == null || f.location() == null
                    || f.location().file() == null) {
                throw new Main.UsageException(file + ": findings[" + i + "] lacks ruleId, severity, message or location.file");
            }
        }
        return r;
    }

    /** One report from several: findings deduplicated, errors and warnings concatenated, stats summed. */
    static Report merge(List<Report> reports) {
        if (reports.size() == 1) return reports.get(0);
        Map<String, Finding> byKey = new LinkedHashMap<>();
        Set<FileError> errors = new LinkedHashSet<>();
        Set<FileError> warnings = new LinkedHashSet<>();
        Set<String> sources = new LinkedHashSet<>();
        long files = 0, parsed = 0, ms = 0;
        boolean anyStats = false;
        for (Report r : reports) {
            for (Finding f : r.findings()) byKey.putIfAbsent(key(f), f);
            errors.addAll(r.errors());
            warnings.addAll(r.warnings());
            if (r.source() != null) sources.add(r.source());
            if (r.stats() != null) {
                anyStats = true;
                files += r.stats().files();
                parsed += r.stats().parsed();
                ms += r.stats().durationMs();
            }
        }
        String source = sources.size() == 1 ? sources.iterator().next() : "mixed";
        return new Report(Report.SCHEMA, Tool.LOCKCHECK, source, new ArrayList<>(byKey.values()), new ArrayList<>(errors),
                new ArrayList<>(warnings), anyStats ? new Stats(files, parsed, ms) : null);
    }

    static String key(Finding f) {
        if (f.fingerprint() != null && !f.fingerprint().isBlank()) return "fp:" + f.fingerprint();
        return "at:" + f.ruleId() + "@" + f.location().file() + ":" + f.location().line() + ":" + f.location().column();
    }

    private void write(Report report, Instant start) throws IOException {
        OutputStream raw = output == null ? new java.io.FileOutputStream(java.io.FileDescriptor.out) : openOutput();
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
                    Path root = SourceRoot.of(List.of(sourceRoots == null || sourceRoots.isEmpty() ? "."
                            : sourceRoots.get(0).toString())).dir().toAbsolutePath().normalize();
                    Path cwd = Path.of("").toAbsolutePath();
                    new SarifReport(p -> {
                        Path abs = cwd.resolve(p).normalize();
                        return abs.startsWith(root) && Files.exists(abs) ? root.relativize(abs).toString().replace('\\', '/') : p;
                    }).srcRoot(root).rulesUrl(rulesUrl != null ? rulesUrl : System.getenv(SarifReport.RULES_URL_ENV))
                            .invocation(new SarifReport.Invocation(spec.root().commandLine().getParseResult().originalArgs(),
                                    start, Instant.now(), Path.of("").toAbsolutePath()))
                            .write(report, out);
                }
                case html -> new HtmlReport().write(report, out);
                case text -> {
                    boolean color = Terminal.colorEnabled(output == null && Terminal.stdoutIsTerminal(), System.getenv());
                    PrintStream ps = new PrintStream(out, false, StandardCharsets.UTF_8);
                    new TextReport(p -> p, color).write(report, ps);
                    ps.flush();
                }
            }
        }
    }

    private OutputStream openOutput() {
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            return Files.newOutputStream(output);
        } catch (IOException e) {
            throw new Main.UsageException("--output: cannot write " + output + ": " + e.getMessage());
        }
    }
}
