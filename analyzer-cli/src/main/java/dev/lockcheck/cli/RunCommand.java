package dev.lockcheck.cli;

import dev.lockcheck.report.Finding;
import dev.lockcheck.report.Report;
import dev.lockcheck.report.ReportJson;
import dev.lockcheck.report.TextReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lockcheck run -- CMD...}: runs CMD with the agent in every JVM it starts (through
 * JAVA_TOOL_OPTIONS, each JVM writing its own report into a temporary directory), then merges the
 * reports and prints them.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a command with the lockcheck agent in every JVM it starts (JAVA_TOOL_OPTIONS),",
                "then print the merged runtime report."},
        footer = {"", "Example: lockcheck run -- mvn -q test",
                "Exit codes: 1 runtime findings; otherwise the command's own status (0 when it succeeded);",
                "2 bad usage; 3 the command could not be started."})
final class RunCommand implements Callable<Integer> {
    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "CMD", arity = "1..*", description = "the command and its arguments (after --)")
    List<String> command;

    @Option(names = "--agent", paramLabel = "JAR", description = "the agent jar (default: $LOCKCHECK_AGENT_JAR, or next to the CLI)")
    Path agent;

    @Option(names = "--agent-options", paramLabel = "OPTS",
            description = "extra agent options, e.g. onDeadlock=exit,interval=500,include=com.acme")
    String agentOptions;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json")
    Format format = Format.text;

    @Option(names = "--output", paramLabel = "FILE", description = "write the merged report here instead of standard output")
    Path output;

    @Option(names = "--reports", paramLabel = "DIR", description = "keep the per-JVM reports in DIR (default: a temporary directory, deleted)")
    Path reportsDir;

    @Option(names = "--source-root", paramLabel = "DIR",
            description = "where the sources are, repeatable: runtime findings then name files by their path from the "
                    + "working directory (default: src/main/java, src/test/java, */src/main/java, */src/test/java "
                    + "under the working directory)")
    List<Path> sourceRoots;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path jar = AgentJar.locate(agent);
        if (jar.toString().matches(".*[\\s,].*")) {
            throw new Main.UsageException("the agent jar path must not contain spaces or commas: " + jar);
        }
        if (agentOptions != null && agentOptions.contains("report=")) {
            throw new Main.UsageException("--agent-options: report= is set by lockcheck run (use --reports DIR)");
        }
        AgentOptions.check(jar, agentOptions, "--agent-options");
        if (output != null) ScanCommand.checkWritableFile(output, "--output");
        SourceRoots roots = SourceRoots.of(sourceRoots, Path.of(""));
        boolean temp = reportsDir == null;
        Path dir;
        try {
            dir = temp ? Files.createTempDirectory("lockcheck-run") : Files.createDirectories(reportsDir);
        } catch (IOException e) {
            throw new Main.UsageException((temp ? "cannot create a temporary directory" : "--reports: cannot create " + reportsDir)
                    + ": " + ScanCommand.reason(e));
        }
        if (dir.toAbsolutePath().toString().matches(".*[\\s,].*")) {
            throw new Main.UsageException("the reports directory must not contain spaces or commas: " + dir);
        }
        String javaagent = "-javaagent:" + jar + "=report=" + dir.toAbsolutePath().resolve("lockcheck-%p.json")
                + (agentOptions == null || agentOptions.isBlank() ? "" : "," + agentOptions);
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        String existing = System.getenv("JAVA_TOOL_OPTIONS");
        pb.environment().put("JAVA_TOOL_OPTIONS", (existing == null || existing.isBlank() ? "" : existing + " ") + javaagent);
        int status;
        try {
            status = pb.start().waitFor();
        } catch (IOException e) {
            spec.commandLine().getErr().println("lockcheck: cannot start " + command.get(0) + ": " + e.getMessage());
            return Main.EXIT_FAILURE;
        }
        long reports = countReports(dir);
        if (reports == 0) {
            if (temp) deleteTree(dir);
            // every JVM with the agent writes a report at exit, even without findings: none means nothing was checked
            spec.commandLine().getErr().println("lockcheck: no JVM started by '" + command.get(0) + "' ran the agent "
                    + "(no report" + (temp ? "" : " in " + dir) + "): nothing was checked (the command exited " + status
                    + "; its standard error says why if the agent refused to start)");
            return Main.EXIT_USAGE;
        }
        Report merged = roots.rewrite(merge(dir));
        try {
            write(merged);
        } catch (IOException e) {
            throw new Main.UsageException((output == null ? "standard output" : "--output " + output)
                    + ": cannot write the report: " + ScanCommand.reason(e));
        } finally {
            if (temp) deleteTree(dir);
        }
        if (!merged.findings().isEmpty()) return Main.EXIT_FINDINGS;
        return status;
    }

    private static long countReports(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).count();
        }
    }

    /** Every JVM's report, findings deduplicated by fingerprint (the same cycle seen by two JVMs is one finding). */
    static Report merge(Path dir) throws IOException {
        Map<String, Finding> byFingerprint = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted(Comparator.naturalOrder()).toList();
        }
        for (Path p : files) {
            Report r;
            try {
                r = ReportJson.read(p);
            } catch (IOException e) {
                continue; // a JVM killed while writing; the others still count
            }
            for (Finding f : r.findings()) byFingerprint.putIfAbsent(f.fingerprint() == null ? f.message() : f.fingerprint(), f);
        }
        return Report.of(Report.RUNTIME, new ArrayList<>(byFingerprint.values()), null, null, null);
    }

    private void write(Report report) throws IOException {
        PrintStream out = output == null ? System.out
                : new PrintStream(Files.newOutputStream(output), false, StandardCharsets.UTF_8);
        if (output == null) {
            // System.out swallows write errors; check it after writing
            try {
                writeTo(report, out);
            } finally {
                out.flush();
            }
            if (out.checkError()) throw new IOException("write error");
            return;
        }
        try {
            writeTo(report, out);
        } finally {
            out.close();
        }
        if (out.checkError()) throw new IOException("write error (disk full?)");
    }

    private void writeTo(Report report, PrintStream out) throws IOException {
        if (format == Format.json) {
            ReportJson.write(report, out);
        } else {
            new TextReport(p -> p, false).write(report, out);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
