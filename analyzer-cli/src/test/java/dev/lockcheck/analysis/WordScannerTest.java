package dev.lockcheck.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordScannerTest {
    private static final int A = 1, B = 2, C = 4;

    private static WordScanner scanner() {
        Map<String, Integer> words = new LinkedHashMap<>();
        words.put("Lock", A);
        words.put("ReentrantLock", B);
        words.put("class ", C);
        words.put("ass", C);
        return new WordScanner(words);
    }

    @Test
    void findsOverlappingAndNestedWords_withTheirGroups() {
        List<String> hits = new ArrayList<>();
        int seen = scanner().scan("final class X { ReentrantLock l; }", C | B,
                (w, g, end) -> hits.add(w + "@" + end));
        assertEquals(A | B | C, seen, "Lock is found inside ReentrantLock");
        assertEquals(List.of("ass@11", "class @12", "ReentrantLock@29"), hits);
    }

    @Test
    void reportsNothingForAbsentWords_andSurvivesNonAscii() {
        List<String> hits = new ArrayList<>();
        int seen = scanner().scan("// Zürich: no lo\u00e7k here, Loc k", A | B | C, (w, g, end) -> hits.add(w));
        assertEquals(0, seen);
        assertEquals(List.of(), hits);
        assertEquals(A, scanner().scan("\u00e9Lock", 0, (w, g, end) -> hits.add(w)), "a word right after a non-ASCII character");
    }
}
