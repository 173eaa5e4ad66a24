package dev.lockcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Known findings, by fingerprint ({@code lockcheck-baseline/1}). Findings recorded here are not
 * reported and do not fail the build; entries no longer found are counted as fixed.
 */
public final class Baseline {
    public static final String SCHEMA = "lockcheck-baseline/1";

    /** fingerprint → a human hint (rule, file, message) kept only to make the file reviewable. */
    private final Map<String, String> entries;

    private Baseline(Map<String, String> entries) {
        this.entries = entries;
    }

    public static Baseline of(List<Finding> findings) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Finding f : findings) {
            m.put(f.fingerprint(), f.ruleId() + " " + f.location().file() + ": " + f.message());
        }
        return new Baseline(m);
    }

    public static Baseline read(Path file) throws IOException {
        JsonNode root = ReportJson.mapper().readTree(Files.readAllBytes(file));
        if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
            throw new IOException(file + ": not a lockcheck baseline (expected schema " + SCHEMA + ")");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonNode e : root.path("findings")) {
            m.put(e.path("fingerprint").asText(), e.path("hint").asText(""));
        }
        return new Baseline(m);
    }

    public void write(Path file) throws IOException {
        ObjectNode root = ReportJson.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        ArrayNode arr = root.putArray("findings");
        entries.forEach((fp, hint) -> arr.addObject().put("fingerprint", fp).put("hint", hint));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.write(file, ReportJson.mapper().writeValueAsBytes(root));
    }

    public int size() {
        return entries.size();
    }

    /** Splits findings into those still to report and those the baseline knows. */
    public Applied apply(List<Finding> findings) {
        List<Finding> kept = new ArrayList<>();
        int hidden = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Finding f : findings) {
            if (entries.containsKey(f.fingerprint())) {
                hidden++;
                seen.add(f.fingerprint());
            } else {
                kept.add(f);
            }
        }
        return new Applied(kept, hidden, entries.size() - seen.size());
    }

    /** @param hidden findings suppressed by the baseline; @param gone baseline entries no longer found (fixed) */
    public record Applied(List<Finding> findings, int hidden, int gone) {
    }
}
