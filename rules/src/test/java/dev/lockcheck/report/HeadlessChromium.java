package dev.lockcheck.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real headless Chromium (Debian package {@code chromium}, which .ci/run installs). Absent: the
 * test fails under CI=true and is skipped otherwise. Every run gets a fresh profile directory and
 * no network, sync, component updates or first-run work.
 */
final class HeadlessChromium {
    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    static HeadlessChromium locate() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("LOCKCHECK_CHROMIUM");
        if (env != null && !env.isBlank()) candidates.add(Path.of(env));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                for (String name : List.of("chromium", "chromium-browser", "google-chrome")) candidates.add(Path.of(d, name));
            }
        }
        for (Path p : candidates) if (Files.isRegularFile(p) && Files.isExecutable(p)) return new HeadlessChromium(p);
        String why = "headless Chromium not found; install it with: apt-get update -qq && apt-get install -y -qq chromium"
                + " (or set LOCKCHECK_CHROMIUM to the browser binary)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(why + " [CI=true: the browser test is required]");
        Assumptions.abort(why);
        throw new IllegalStateException("unreachable");
    }

    /** What the browser printed (stdout: the DOM or nothing) and logged (stderr). */
    record Run(int exit, String stdout, String stderr) {
    }

    /** Loads {@code page}, lets its scripts run, and prints the DOM after them. */
    Run dumpDom(Path page) throws IOException, InterruptedException {
        return run(List.of("--virtual-time-budget=5000", "--enable-logging=stderr", "--v=0", "--dump-dom", page.toUri().toString()));
    }

    Run screenshot(Path page, Path png) throws IOException, InterruptedException {
        return run(List.of("--hide-scrollbars", "--window-size=1200,1600", "--screenshot=" + png, page.toUri().toString()));
    }

    private Run run(List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("lockcheck-chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        cmd.addAll(args);
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("chromium did not finish within 120 s: " + cmd);
        }
        Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }
}
