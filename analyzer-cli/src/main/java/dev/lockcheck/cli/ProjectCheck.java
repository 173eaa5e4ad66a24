package dev.lockcheck.cli;

import dev.lockcheck.analysis.ScanOptions;
import dev.lockcheck.analysis.ScanResult;
import dev.lockcheck.analysis.Scanner;
import dev.lockcheck.report.Baseline;
import dev.lockcheck.report.FileError;
import dev.lockcheck.report.Finding;
import dev.lockcheck.report.HtmlReport;
import dev.lockcheck.report.Location;
import dev.lockcheck.report.Report;
import dev.lockcheck.report.ReportJson;
import dev.lockcheck.report.SarifReport;
import dev.lockcheck.report.TraceStep;
import dev.lockcheck.rules.Rule;
import dev.lockcheck.rules.RuleCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One build module checked the way a build tool plugin needs it (the Maven plugin's {@code check} goal):
 * its source roots scanned, the runtime reports its tests' JVMs wrote merged in, baseline and
 * suppressions applied, and JSON, SARIF and HTML written. Paths in the result are relative to the
 * module's base directory; SARIF paths are relative to the enclosing git repository.
 *
 * <p>Bad input (an unknown rule, a bad glob, an unreadable baseline or runtime report) throws
 * {@link Main.UsageException} with a one-line message.
 */
public final class ProjectCheck {
    private ProjectCheck() {
    }

    /**
     * @param baseDir        the module directory; report paths are relative to it
     * @param sourceRoots    directories to scan (missing ones are skipped)
     * @param lookupRoots    where the files runtime findings name are looked up (the source roots, and test roots)
     * @param runtimeReports lockcheck-report/1 files written by the agent
     * @param outputDir      where lockcheck.json, lockcheck.sarif and lockcheck.html go
     * @param rules          only these rule ids (static and runtime), or null/empty for all
     * @param excludes       globs of paths (relative to a source root) not scanned
     * @param baseline       findings recorded there are not reported, or null
     * @param rulesUrl       base URL of the rule pages for SARIF help links, or null
     */
    public record Options(Path baseDir, List<Path> sourceRoots, List<Path> lookupRoots, List<Path> runtimeReports, Path outputDir, List<String> rules,
                          List<String> excludes, Path baseline, String rulesUrl) {
    }

    /** @param report what was found, after baseline and suppressions; @param notes lines for the log */
    public record Result(Report report, List<String> notes, Path json, Path sarif, Path html) {
        public boolean fails(String failOn) {
            ScanCommand.FailOn f;
            try {
                f = ScanCommand.FailOn.valueOf(failOn.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException("failOn must be error, warning or never, not '" + failOn + "'");
            }
            return ScanCommand.failed(report.findings(), f);
        }
    }

    public static Result run(Options o) throws IOException {
        Instant start = Instant.now();
        Path base = o.baseDir().toAbsolutePath().normalize();
        Set<String> wanted = rules(o.rules());
        for (String g : o.excludes()) {
            try {
                java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + g);
            } catch (RuntimeException e) {
                throw new Main.UsageException("excludes: bad glob '" + g + "': " + e.getMessage());
            }
        }
        Baseline known = null;
        if (o.baseline() != null) {
            if (!Files.isReadable(o.baseline())) throw new Main.UsageException("baseline: cannot read " + o.baseline());
            known = Baseline.read(o.baseline());
        }

        List<Report> parts = new ArrayList<>();
        List<Path> roots = o.sourceRoots().stream().filter(Files::isDirectory).map(p -> p.toAbsolutePath().normalize()).toList();
        Set<String> staticRules = staticRules(wanted);
        if (!roots.isEmpty() && (staticRules == null || !staticRules.isEmpty())) parts.add(scan(roots, o, staticRules, base));

        List<Report> runtime = new ArrayList<>();
        for (Path p : o.runtimeReports()) runtime.add(ReportCommand.read(p));
        if (!runtime.isEmpty()) {
            List<Path> lookup = o.lookupRoots().stream().filter(Files::isDirectory).toList();
            Report r = lookup.isEmpty() ? ReportCommand.merge(runtime) : SourceRoots.of(lookup, base).rewrite(ReportCommand.merge(runtime));
            if (wanted != null) r = r.withFindings(r.findings().stream().filter(f -> wanted.contains(f.ruleId())).toList());
            parts.add(r);
        }
        Report merged = parts.isEmpty() ? Report.of(Report.STATIC, List.of(), null, null, null)
                : parts.size() == 1 ? parts.get(0) : ReportCommand.merge(parts);
        List<String> notes = new ArrayList<>();
        merged = ScanCommand.gate(merged, known, o.baseline() == null ? null : o.baseline().toString(), false, notes);

        Files.createDirectories(o.outputDir());
        Path json = o.outputDir().resolve("lockcheck.json");
        Path sarif = o.outputDir().resolve("lockcheck.sarif");
        Path html = o.outputDir().resolve("lockcheck.html");
        try (OutputStream out = Files.newOutputStream(json)) {
            ReportJson.write(merged, out);
        }
        Path repo = SourceRoot.of(List.of(base.toString())).dir();
        UnaryOperator<String> toRepo = p -> {
            Path abs = base.resolve(p).normalize();
            return abs.startsWith(repo) && Files.exists(abs) ? repo.relativize(abs).toString().replace('\\', '/') : p;
        };
        try (OutputStream out = Files.newOutputStream(sarif)) {
            new SarifReport(toRepo).srcRoot(repo).rulesUrl(o.rulesUrl())
                    .invocation(new SarifReport.Invocation(List.of("check"), start, Instant.now(), base))
                    .write(merged, out);
        }
        try (OutputStream out = Files.newOutputStream(html)) {
            new HtmlReport().write(merged, out);
        }
        return new Result(merged, notes, json, sarif, html);
    }

    private static Report scan(List<Path> roots, Options o, Set<String> staticRules, Path base) {
        List<String> given = roots.stream().map(Path::toString).toList();
        ScanInputs.Oversized big = ScanInputs.oversized(given, ScanInputs.defaultMaxFileBytes());
        List<String> excludes = new ArrayList<>(o.excludes());
        excludes.addAll(big.excludes());
        int jobs = ScanCommand.cappedJobs(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors());
        ScanResult result = new Scanner(new ScanOptions(given, excludes, jobs, staticRules, true,
                o.outputDir().resolve("cache"), false)).scan();
        ScanInputs.Unreadable unreadable = ScanInputs.classify(result.unreadableRoots(), given);
        Report r = ScanInputs.withProblems(result.report(), unreadable.inside(), big.warnings());
        // report paths are relative to their root; name them from the module directory
        UnaryOperator<String> fromBase = p -> {
            Path abs = Path.of(result.displayPath().apply(p)).toAbsolutePath().normalize();
            return abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : abs.toString();
        };
        List<Finding> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            Location l = f.location();
            List<TraceStep> trace = f.trace().stream()
                    .map(t -> new TraceStep(fromBase.apply(t.file()), t.line(), t.note(), t.evidence())).toList();
            findings.add(new Finding(f.ruleId(), f.severity(), f.message(), new Location(fromBase.apply(l.file()), l.line(), l.column()),
                    f.lock(), trace, f.threads(), f.fingerprint(), f.suppressedBy(), f.cycle()));
        }
        List<FileError> errors = r.errors().stream().map(e -> new FileError(fromBase.apply(e.file()), e.message())).toList();
        List<FileError> warnings = r.warnings().stream().map(e -> new FileError(fromBase.apply(e.file()), e.message())).toList();
        return new Report(r.schema(), r.tool(), r.source(), findings, errors, warnings, r.stats());
    }

    private static Set<String> rules(List<String> given) {
        if (given == null) return null;
        Set<String> ids = new LinkedHashSet<>();
        for (String r : given) {
            for (String part : r.split(",")) {
                String id = part.trim().toUpperCase(Locale.ROOT);
                if (id.isEmpty()) continue;
                if (RuleCatalog.get().find(id).isEmpty()) {
                    throw new Main.UsageException("rules: unknown rule '" + part.trim() + "' (lockcheck rules lists them)");
                }
                ids.add(id);
            }
        }
        return ids.isEmpty() ? null : ids;
    }

    /** The static ones among the wanted rules (null: all). */
    private static Set<String> staticRules(Set<String> wanted) {
        if (wanted == null) return null;
        Set<String> s = new LinkedHashSet<>();
        for (String id : wanted) if (RuleCatalog.get().require(id).kind() == Rule.Kind.STATIC) s.add(id);
        return s;
    }
}
