package dev.lockcheck.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockcheck.report.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline Java sources for tests, Error Prone style: each line that must carry a finding ends with
 * {@code // expect: LC001}; {@link #assertExactlyMarked()} scans and compares exactly.
 */
final class Fixture {
    private static final Pattern MARKER = Pattern.compile("//\\s*expect:\\s*((?:LC\\d{3}[\\s,]*)+)\\s*$");

    private final Path dir;
    private final Map<String, String> files = new LinkedHashMap<>();
    private boolean prefilter = true;

    Fixture(Path dir) {
        this.dir = dir;
    }

    /** Scans with {@code --no-prefilter}: every file parsed. */
    Fixture fullParse() {
        prefilter = false;
        return this;
    }

    Fixture file(String name, String... lines) {
        files.put(name, String.join("\n", lines) + "\n");
        return this;
    }

    ScanResult scan() {
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Scanner(new ScanOptions(List.of(dir.toString()), List.of(), 2, null, prefilter)).scan();
    }

    /** "File.java:12: LC001" for every unsuppressed finding. */
    static TreeSet<String> keys(ScanResult r) {
        TreeSet<String> out = new TreeSet<>();
        for (Finding f : r.report().findings()) {
            if (f.suppressedBy() == null) out.add(f.location().file() + ":" + f.location().line() + ": " + f.ruleId());
        }
        return out;
    }

    TreeSet<String> expected() {
        TreeSet<String> out = new TreeSet<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            String[] lines = e.getValue().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = MARKER.matcher(lines[i]);
                if (m.find()) for (String id : m.group(1).trim().split("[\\s,]+")) out.add(e.getKey() + ":" + (i + 1) + ": " + id);
            }
        }
        return out;
    }

    /** Scans and asserts the findings are exactly the markers; returns the result for further checks. */
    ScanResult assertExactlyMarked() {
        ScanResult r = scan();
        assertEquals(List.of(), r.report().errors(), "fixture sources must parse");
        TreeSet<String> actual = keys(r);
        List<String> messages = new ArrayList<>();
        for (Finding f : r.report().findings()) messages.add(f.location() + " " + f.ruleId() + " " + f.message());
        assertEquals(expected(), actual, "findings differ from markers; all findings:\n" + String.join("\n", messages));
        return r;
    }

    void assertClean() {
        assertTrue(expected().isEmpty(), "a clean fixture carries no marker");
        assertExactlyMarked();
    }

    /** {@code lines} with the run from the first line that is {@code first} (trimmed) to the next that is {@code last} replaced. */
    static String[] replacing(String[] lines, String first, String last, String... with) {
        java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of(lines));
        int from = 0;
        while (!out.get(from).strip().equals(first)) from++;
        int to = from;
        while (!out.get(to).strip().equals(last)) to++;
        out.subList(from, to + 1).clear();
        out.addAll(from, java.util.List.of(with));
        return out.toArray(new String[0]);
    }
}
