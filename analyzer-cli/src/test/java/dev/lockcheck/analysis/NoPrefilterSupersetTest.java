package dev.lockcheck.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "{@code --no-prefilter} may add findings, never remove one" (rules.md, Evidence), on the three
 * trees where UniversalMediaServer showed it failing: in each, {@code Fwd.java} neither locks nor
 * names a handoff type and is called only under a monitor, so the default scan does not parse it
 * and the full parse finds more paths. Causes and the real-tree check: {@code bench/superset/}.
 */
class NoPrefilterSupersetTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // another edge through the same call must not displace the default's edge at that line
        "a-location-dedup, 2",
        // a shorter path through Fwd moves the edge's site: its fingerprint names the edge, not the line
        "b-site-moves, 2",
        // a long first path through Fwd must not take the place of the short one and be cut
        "c-first-path, 2",
        // a monitor of a type the prefilter left unparsed is named as the full parse names it (p.Session.this)
        "d-unparsed-type, 2",
        // every caller of Ns.provision() holds Ns.rw, through ActiveState, which the default scan
        // parses only because it names a method whose callers LC007 asked about: then neither
        // scan reports the order (hadoop-hdfs FSNamesystem.checkAndProvisionSnapshotTrashRoots)
        "e-every-caller, 0",
    })
    void everyFindingOfTheDefaultScan_isInTheFullParse(String tree, int defaultFindings) {
        Path root = Path.of("src/test/resources/superset", tree);
        Set<String> byDefault = findings(root, true);
        Set<String> full = findings(root, false);
        assertEquals(defaultFindings, byDefault.size(), "default scan of " + tree + ": " + byDefault);
        TreeSet<String> lost = new TreeSet<>(byDefault);
        lost.removeAll(full);
        assertTrue(lost.isEmpty(), "lost with --no-prefilter: " + lost + "; full parse: " + full);
    }

    private static Set<String> findings(Path root, boolean prefilter) {
        ScanResult r = new Scanner(new ScanOptions(List.of(root.toString()), List.of(), 2, null, prefilter)).scan();
        TreeSet<String> keys = new TreeSet<>();
        r.report().findings().forEach(f -> keys.add(f.ruleId() + " " + f.severity() + " " + f.fingerprint()));
        return keys;
    }
}
