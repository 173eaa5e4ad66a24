package dev.lockcheck.maven;

import dev.lockcheck.cli.Main;
import dev.lockcheck.cli.ProjectCheck;
import dev.lockcheck.report.FileError;
import dev.lockcheck.report.Finding;
import dev.lockcheck.report.Report;
import dev.lockcheck.rules.RuleCatalog;
import dev.lockcheck.rules.Severity;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Scans the module's source roots, merges the runtime reports its test JVMs wrote (see
 * {@code prepare-agent}), writes {@code lockcheck.json}, {@code lockcheck.sarif} and
 * {@code lockcheck.html} to {@code target/lockcheck/}, logs each finding in Maven's
 * {@code file:[line,column]} form, and fails the build when a finding is at or above {@code failOn}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** error (default), warning or never. */
    @Parameter(property = "lockcheck.failOn", defaultValue = "error")
    String failOn;

    /** A baseline file ({@code lockcheck scan --write-baseline}): findings recorded there are not reported. */
    @Parameter(property = "lockcheck.baseline")
    File baseline;

    /** Only these rules (static and runtime ids), e.g. {@code LC001,LC204}; default all. */
    @Parameter(property = "lockcheck.rules")
    List<String> rules;

    /** Globs of source paths (relative to a source root) not scanned, e.g. {@code **}{@code /generated/**}. */
    @Parameter
    List<String> excludes;

    /** Also scan the test source roots. */
    @Parameter(property = "lockcheck.includeTests", defaultValue = "false")
    boolean includeTests;

    /** Where the runtime reports are and the reports are written. */
    @Parameter(property = "lockcheck.reportsDirectory", defaultValue = "${project.build.directory}/lockcheck")
    File reportsDirectory;

    /** Base URL of the rule pages for SARIF help links (each rule: URL/LC001.md); default none. */
    @Parameter(property = "lockcheck.rulesUrl")
    String rulesUrl;

    @Parameter(property = "lockcheck.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("lockcheck: skipped");
            return;
        }
        if ("pom".equals(project.getPackaging()) && !hasRuntimeReports()) {
            getLog().info("lockcheck: nothing to check in a pom module");
            return;
        }
        List<Path> roots = new ArrayList<>();
        for (String r : project.getCompileSourceRoots()) roots.add(Path.of(r));
        if (includeTests) for (String r : project.getTestCompileSourceRoots()) roots.add(Path.of(r));
        // the test sources are where runtime frames of test code are looked up, scanned or not
        List<Path> lookup = new ArrayList<>(roots);
        if (!includeTests) for (String r : project.getTestCompileSourceRoots()) lookup.add(Path.of(r));

        List<Path> runtime = runtimeReports();
        if (!runtime.isEmpty()) {
            getLog().info("lockcheck: " + runtime.size() + " runtime report(s) of the test JVMs merged");
        } else if (testsRan()) {
            // the tests ran but no JVM of theirs had the agent: an <argLine> that drops @{argLine}, or no prepare-agent
            getLog().warn("lockcheck: the tests ran but no runtime report is in " + relative(project.getBasedir().toPath(), reportsDirectory.toPath())
                    + ": no test JVM ran the agent, so only the static scan counts. Is prepare-agent among the goals, and does"
                    + " Surefire's <argLine> keep @{argLine}?");
        }
        ProjectCheck.Result result;
        try {
            result = ProjectCheck.run(new ProjectCheck.Options(project.getBasedir().toPath(), roots, lookup, runtime,
                    reportsDirectory.toPath(), rules, excludes == null ? List.of() : excludes,
                    baseline == null ? null : baseline.toPath(), rulesUrl));
        } catch (Main.UsageException e) {
            throw new MojoExecutionException("lockcheck: " + e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("lockcheck: " + e.getMessage(), e);
        }
        Report report = result.report();
        for (String note : result.notes()) getLog().info("lockcheck: " + note);
        for (FileError e : report.errors()) getLog().warn("lockcheck: " + e.file() + ": " + e.message());
        for (FileError w : report.warnings()) getLog().warn("lockcheck: " + w.file() + ": " + w.message());
        Path base = project.getBasedir().toPath();
        for (Finding f : report.findings()) {
            String line = format(base, f);
            if (f.severity() == Severity.ERROR) getLog().error(line);
            else if (f.severity() == Severity.WARNING) getLog().warn(line);
            else getLog().info(line);
        }
        long errors = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = report.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
        String summary = "lockcheck: " + errors + " error(s), " + warnings + " warning(s); reports in " + relative(base, reportsDirectory.toPath())
                + " (lockcheck.html, lockcheck.sarif, lockcheck.json)";
        getLog().info(summary);
        boolean fails;
        try {
            fails = result.fails(failOn);
        } catch (Main.UsageException e) {
            throw new MojoExecutionException("lockcheck: " + e.getMessage());
        }
        if (fails) {
            throw new MojoFailureException("lockcheck found " + errors + " error(s) and " + warnings + " warning(s) at or above failOn="
                    + failOn + "; see " + result.html());
        }
    }

    /** {@code /abs/File.java:[12,5] LC001 ReadLockAcrossHandoff: message}: the compiler's form, which IDEs link. */
    static String format(Path base, Finding f) {
        Path file = base.resolve(f.location().file()).normalize();
        String where = (Files.exists(file) ? file.toString() : f.location().file()) + ":[" + f.location().line() + ","
                + Math.max(1, f.location().column()) + "]";
        String name = RuleCatalog.get().find(f.ruleId()).map(r -> " " + r.name()).orElse("");
        return where + " " + f.ruleId() + name + ": " + f.message().replace('\n', ' ');
    }

    private static String relative(Path base, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(base.toAbsolutePath()) ? base.toAbsolutePath().relativize(abs).toString() : abs.toString();
    }

    /** Surefire or Failsafe wrote its reports in this module's build directory. */
    private boolean testsRan() {
        File target = new File(project.getBuild().getDirectory());
        return testReports(new File(target, "surefire-reports")) || testReports(new File(target, "failsafe-reports"));
    }

    static boolean testReports(File dir) {
        String[] names = dir.list((d, n) -> n.startsWith("TEST-") && n.endsWith(".xml"));
        return names != null && names.length > 0;
    }

    private boolean hasRuntimeReports() throws MojoExecutionException {
        return !runtimeReports().isEmpty();
    }

    private List<Path> runtimeReports() throws MojoExecutionException {
        Path dir = reportsDirectory.toPath();
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("runtime-") && n.endsWith(".json");
            }).sorted().toList();
        } catch (IOException e) {
            throw new MojoExecutionException("lockcheck: cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
