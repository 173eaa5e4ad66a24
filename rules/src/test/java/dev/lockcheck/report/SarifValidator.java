package dev.lockcheck.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Shared with analyzer-cli's tests through this module's test-jar.
 * Runs the official SARIF validator ({@code sarif-multitool validate} from the npm package
 * {@code @microsoft/sarif-multitool}, which .ci/run installs) with the SARIF and the GitHub rule
 * sets at every level. Absent validator: the test fails under CI=true, is skipped otherwise.
 * (A copy lives in analyzer-cli's tests: modules do not share test code.)
 */
public final class SarifValidator {
    public static final String INSTALL = "npm install --prefix \"$HOME/.lockcheck-tools\" @microsoft/sarif-multitool@5.7.0"
            + " && chmod u+x \"$HOME/.lockcheck-tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool\"";
    private static final Pattern PROBLEM = Pattern.compile(":\\s(error|warning)\\s(SARIF|GH)\\d+:");

    private SarifValidator() {
    }

    /** The native validator binary (the npm wrapper goes through a shell that splits the ';' lists). */
    public static Path locate() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("LOCKCHECK_SARIF_MULTITOOL");
        if (env != null && !env.isBlank()) candidates.add(Path.of(env));
        candidates.add(Path.of(System.getProperty("user.home"),
                ".lockcheck-tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"));
        String path = System.getenv("PATH");
        if (path != null) for (String d : path.split(java.io.File.pathSeparator)) candidates.add(Path.of(d, "Sarif.Multitool"));
        for (Path p : candidates) if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
        String why = "SARIF validator (sarif-multitool) not found; install it with: " + INSTALL
                + " (or set LOCKCHECK_SARIF_MULTITOOL to the Sarif.Multitool binary)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(why + " [CI=true: the validator is required]");
        Assumptions.abort(why);
        throw new IllegalStateException("unreachable");
    }

    /** Validates {@code sarif}; returns every error and warning line (empty: accepted). */
    public static List<String> problems(Path sarif) throws IOException, InterruptedException {
        Path tool = locate();
        Path out = Files.createTempFile("lockcheck-validation", ".sarif");
        ProcessBuilder pb = new ProcessBuilder(tool.toString(), "validate", sarif.toString(),
                "--output", out.toString(), "--log", "ForceOverwrite",
                "--level", "Error;Warning;Note", "--kind", "Fail", "--rule-kind", "Sarif;Gh")
                .redirectErrorStream(true);
        pb.environment().put("DOTNET_CLI_TELEMETRY_OPTOUT", "1");
        Process p = pb.start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("sarif-multitool validate did not finish within 180 s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        System.out.println("sarif-multitool validate " + sarif + ":\n" + text);
        List<String> problems = new ArrayList<>();
        for (String line : text.split("\\R")) {
            // SARIF2005 asks for the tool's informationUri: lockcheck names one only when the user gives the
            // rule pages' URL (--rules-url); a made-up project address would be worse than none
            if (PROBLEM.matcher(line).find() && !line.contains("SARIF2005")) problems.add(line);
        }
        if (p.exitValue() != 0) problems.add("sarif-multitool exited with " + p.exitValue() + ":\n" + text);
        Files.deleteIfExists(out);
        return problems;
    }
}
