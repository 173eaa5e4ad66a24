package dev.lockcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Known findings, by fingerprint ({@code lockcheck-baseline/1}). Findings recorded here are not
 * reported and do not fail the build; entries no longer found are counted as fixed.
 *
 * <p>One entry per finding: two findings with the same fingerprint (the same statement twice in
 * one method) are two entries, so a third copy added later is still reported.
 */
public final class Baseline {
    public static final String SCHEMA = "lockcheck-baseline/1";

    /** One recorded finding; {@code hint} (rule, file, message) only makes the file reviewable. */
    public record Entry(String fingerprint, String hint) {
    }

    private final List<Entry> entries;

    private Baseline(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Baseline of(List<Finding> findings) {
        List<Entry> list = new ArrayList<>();
        for (Finding f : findings) {
            String where = f.location() == null ? "" : " " + f.location().file();
            list.add(new Entry(Fingerprints.key(f), f.ruleId() + where + ": " + f.message()));
        }
        return new Baseline(list);
    }

    public static Baseline read(Path file) throws IOException {
        JsonNode root;
        try {
            root = ReportJson.mapper().readTree(Files.readAllBytes(file));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
            throw new IOException(file + ": not a lockcheck baseline (expected schema " + SCHEMA + ")");
        }
        List<Entry> list = new ArrayList<>();
        for (JsonNode e : root.path("findings")) {
            String fp = e.path("fingerprint").asText("");
            if (!fp.isEmpty()) list.add(new Entry(fp, e.path("hint").asText("")));
        }
        return new Baseline(list);
    }

    public void write(Path file) throws IOException {
        ObjectNode root = ReportJson.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        ArrayNode arr = root.putArray("findings");
        entries.forEach(e -> arr.addObject().put("fingerprint", e.fingerprint()).put("hint", e.hint()));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.write(file, ReportJson.mapper().writeValueAsBytes(root));
    }

    public int size() {
        return entries.size();
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Splits findings into those still to report and those the baseline knows. */
    public Applied apply(List<Finding> findings) {
        Map<String, Integer> budget = new HashMap<>();
        for (Entry e : entries) budget.merge(e.fingerprint(), 1, Integer::sum);
        List<Finding> kept = new ArrayList<>();
        int hidden = 0;
        for (Finding f : findings) {
            String key = Fingerprints.key(f);
            Integer left = budget.get(key);
            if (left != null && left > 0) {
                budget.put(key, left - 1);
                hidden++;
            } else {
                kept.add(f);
            }
        }
        int gone = budget.values().stream().mapToInt(Integer::intValue).sum();
        return new Applied(kept, hidden, gone);
    }

    /**
     * @param findings what is left to report
     * @param hidden   findings the baseline knows (not reported, do not fail)
     * @param gone     baseline entries no longer found: fixed
     */
    public record Applied(List<Finding> findings, int hidden, int gone) {
        /** e.g. {@code 3 known findings hidden, 1 baseline entry no longer found (fixed)}. */
        public String describe() {
            return hidden + " known finding" + (hidden == 1 ? "" : "s") + " hidden, " + gone + " baseline entr"
                    + (gone == 1 ? "y" : "ies") + " no longer found (fixed)";
        }
    }
}
