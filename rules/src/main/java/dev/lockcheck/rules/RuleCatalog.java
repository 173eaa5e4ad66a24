package dev.lockcheck.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rule catalog: every implemented rule, in id order. The list of ids is
 * {@code docs/catalog.txt}; each id's entry comes from its page's front matter:
 * <pre>
 * ---
 * id: LC001
 * name: ReadLockAcrossHandoff
 * severity: error
 * kind: static
 * summary: one line
 * ---
 * </pre>
 */
public final class RuleCatalog {
    private static final String BASE = "/dev/lockcheck/rules/docs/";
    private static volatile RuleCatalog instance;

    private final Map<String, Rule> rules;

    private RuleCatalog(Map<String, Rule> rules) {
        this.rules = Collections.unmodifiableMap(rules);
    }

    public static RuleCatalog get() {
        RuleCatalog c = instance;
        if (c == null) {
            synchronized (RuleCatalog.class) {
                if (instance == null) instance = load();
                c = instance;
            }
        }
        return c;
    }

    public List<Rule> all() {
        return List.copyOf(rules.values());
    }

    public Optional<Rule> find(String id) {
        return Optional.ofNullable(rules.get(id.trim().toUpperCase(Locale.ROOT)));
    }

    public Rule require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown rule id '" + id + "'"));
    }

    private static RuleCatalog load() {
        Map<String, Rule> map = new LinkedHashMap<>();
        for (String line : read("catalog.txt").split("\n")) {
            String id = line.strip();
            if (id.isEmpty() || id.startsWith("#")) continue;
            map.put(id, parsePage(id, read(id + ".md")));
        }
        return new RuleCatalog(map);
    }

    static Rule parsePage(String id, String text) {
        String t = text.replace("\r\n", "\n");
        if (!t.startsWith("---\n")) throw new IllegalStateException(id + ".md: no front matter");
        int end = t.indexOf("\n---\n", 4);
        if (end < 0) throw new IllegalStateException(id + ".md: front matter not closed");
        Map<String, String> fm = new LinkedHashMap<>();
        for (String l : t.substring(4, end).split("\n")) {
            int colon = l.indexOf(':');
            if (colon > 0) fm.put(l.substring(0, colon).strip(), l.substring(colon + 1).strip());
        }
        if (!id.equals(fm.get("id"))) throw new IllegalStateException(id + ".md: front matter id is " + fm.get("id"));
        List<String> missing = new ArrayList<>();
        for (String k : List.of("name", "severity", "kind", "summary")) if (!fm.containsKey(k)) missing.add(k);
        if (!missing.isEmpty()) throw new IllegalStateException(id + ".md: front matter lacks " + missing);
        return new Rule(id, fm.get("name"), Severity.parse(fm.get("severity")),
                Rule.Kind.valueOf(fm.get("kind").toUpperCase(Locale.ROOT)), fm.get("summary"),
                t.substring(end + 5).strip() + "\n");
    }

    private static String read(String name) {
        try (InputStream in = RuleCatalog.class.getResourceAsStream(BASE + name)) {
            if (in == null) throw new IllegalStateException("rule catalog resource missing: " + BASE + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
