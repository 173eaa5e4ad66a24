package dev.lockcheck.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockcheck.report.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one harness every rule is proven by: scan {@code samples/} and compare with the
 * {@code // expect: LCnnn} markers exactly — every marker found on its line, nothing unmarked
 * anywhere. Adding a rule means adding samples, never another harness.
 */
class SamplesHarnessTest {
    private static final Pattern MARKER = Pattern.compile("//\\s*expect:\\s*((?:LC\\d{3}[\\s,]*)+)\\s*$");

    static Path samplesDir() {
        return Path.of(System.getProperty("lockcheck.samples", "../samples"));
    }

    @Test
    void scanOfSamples_matchesExpectMarkersExactly() throws IOException {
        assertMarkersMatch(true);
    }

    /** The prefilter parses only what can matter; a full parse must find exactly the same. */
    @Test
    void scanOfSamplesWithoutPrefilter_matchesExpectMarkersExactly() throws IOException {
        assertMarkersMatch(false);
    }

    private void assertMarkersMatch(boolean prefilter) throws IOException {
        Path root = samplesDir();
        assertTrue(Files.isDirectory(root), "samples directory not found: " + root.toAbsolutePath());

        TreeSet<String> expected = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.toString().contains("/target/"))::iterator) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = MARKER.matcher(lines.get(i));
                    if (m.find()) {
                        for (String id : m.group(1).trim().split("[\\s,]+")) expected.add(rel + ":" + (i + 1) + ": " + id);
                    }
                }
            }
        }
        assertTrue(expected.size() >= 20, "the samples should carry markers for every rule; found only " + expected.size());

        ScanResult result = new Scanner(new ScanOptions(List.of(root.toString()), List.of("**/target/**"), 2, null, prefilter)).scan();
        assertEquals(List.of(), result.report().errors(), "samples must all parse");
        TreeSet<String> actual = new TreeSet<>();
        for (Finding f : result.report().findings()) {
            if (f.suppressedBy() != null) continue;
            actual.add(f.location().file() + ":" + f.location().line() + ": " + f.ruleId());
        }

        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        List<String> unexpected = new ArrayList<>();
        for (Finding f : result.report().findings()) {
            String key = f.location().file() + ":" + f.location().line() + ": " + f.ruleId();
            if (f.suppressedBy() == null && !expected.contains(key)) unexpected.add(key + " " + f.message());
        }
        assertTrue(missing.isEmpty() && unexpected.isEmpty(),
                "samples harness mismatch\n  marked but not found:\n    " + String.join("\n    ", missing)
                        + "\n  found but not marked:\n    " + String.join("\n    ", unexpected));
    }
}
