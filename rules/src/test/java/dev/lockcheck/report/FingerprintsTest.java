package dev.lockcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FingerprintsTest {
    private static final String ORIGINAL = """
            class Cache {
                void stream(SynchronousQueue<Item> out) throws InterruptedException {
                    lock.readLock().lock();
                    try {
                        for (Item i : items) out.put(i);
                    } finally {
                        lock.readLock().unlock();
                    }
                }
            }
            """;

    /** What an engine does: the text of the statement on the reported line. */
    private static String statementOn(String source, String startsWith) {
        String[] lines = source.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith(startsWith)) {
                StringBuilder sb = new StringBuilder(lines[i]);
                // a reformatted statement may continue on the next lines until its ';'
                while (!Fingerprints.normalise(sb.toString()).endsWith(";") && i + 1 < lines.length) sb.append('\n').append(lines[++i]);
                return sb.toString();
            }
        }
        throw new AssertionError("no line starts with " + startsWith);
    }

    private static String fp(String source, String stmtStart) {
        return Fingerprints.of("LC001", "src/Cache.java", "Cache#stream(SynchronousQueue)", "Cache.lock",
                statementOn(source, stmtStart));
    }

    @Test
    void linesInsertedAbove_keepTheFingerprint() {
        String edited = "import java.util.*;\n// a new header comment\n\n" + ORIGINAL.replace(
                "    void stream", "    int unrelated() { return 1; }\n\n    void stream");
        assertNotEquals(ORIGINAL.indexOf("for (Item"), edited.indexOf("for (Item"), "the statement really moved");
        assertEquals(fp(ORIGINAL, "for (Item"), fp(edited, "for (Item"));
    }

    @Test
    void reformattedStatementAndComments_keepTheFingerprint() {
        String reformatted = ORIGINAL.replace("for (Item i : items) out.put(i);",
                "for (Item i: items)   // hand each item over\n            out.put( i ) ; /* blocks */");
        assertEquals(fp(ORIGINAL, "for (Item"), fp(reformatted, "for (Item"));
    }

    @Test
    void differentRuleMethodLockOrStatement_changeTheFingerprint() {
        String base = Fingerprints.of("LC001", "A.java", "A#m()", "A.lock", "q.put(x);");
        assertNotEquals(base, Fingerprints.of("LC004", "A.java", "A#m()", "A.lock", "q.put(x);"));
        assertNotEquals(base, Fingerprints.of("LC001", "A.java", "A#n()", "A.lock", "q.put(x);"));
        assertNotEquals(base, Fingerprints.of("LC001", "A.java", "A#m()", "A.other", "q.put(x);"));
        assertNotEquals(base, Fingerprints.of("LC001", "B.java", "A#m()", "A.lock", "q.put(x);"));
        assertNotEquals(base, Fingerprints.of("LC001", "A.java", "A#m()", "A.lock", "q.take();"));
    }

    @Test
    void fieldBoundariesMatter_notJustTheConcatenation() {
        assertNotEquals(Fingerprints.of("LC001", "A.java", "m", "ab", "x;"), Fingerprints.of("LC001", "A.java", "ma", "b", "x;"));
    }

    @Test
    void stringLiteralContents_areKeptVerbatim() {
        assertNotEquals(Fingerprints.normalise("log(\"a b\");"), Fingerprints.normalise("log(\"ab\");"));
        assertEquals("log(\"// not a comment\");", Fingerprints.normalise("log( \"// not a comment\" ) ;"));
    }

    @Test
    void fingerprintIsSixteenLowerHexCharacters() {
        String fp = Fingerprints.of("LC001", "A.java", "A#m()", "A.lock", "q.put(x);");
        assertTrue(fp.matches("[0-9a-f]{16}"), fp);
    }
}
