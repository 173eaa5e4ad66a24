package dev.lockcheck.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockcheck.report.FileError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear message and loses nothing: every other file is still scanned. */
class BadInputTest {
    @TempDir
    Path dir;

    /** A file with one LC001 finding on line 6, to prove the rest of the tree was analysed. */
    private static final String GOOD = String.join("\n",
            "import java.util.concurrent.*; import java.util.concurrent.locks.*;",
            "class Good {",
            "  final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();",
            "  void stream(SynchronousQueue<String> q) throws InterruptedException {",
            "    rw.readLock().lock();",
            "    try { q.put(\"x\"); } finally { rw.readLock().unlock(); }",
            "  }",
            "  void refresh() { rw.writeLock().lock(); try { } finally { rw.writeLock().unlock(); } }",
            "}");

    private ScanResult scanWith(String name, byte[] content) throws IOException {
        Files.writeString(dir.resolve("Good.java"), GOOD);
        Files.write(dir.resolve(name), content);
        return new Scanner(ScanOptions.of(dir.toString())).scan();
    }

    private static FileError only(List<FileError> es, String file) {
        assertEquals(1, es.size(), "expected one entry, got " + es);
        assertEquals(file, es.get(0).file());
        return es.get(0);
    }

    private static void assertGoodStillScanned(ScanResult r) {
        assertEquals(1, r.report().findings().size(), "the good file must still be analysed: " + r.report().findings());
        assertEquals("Good.java", r.report().findings().get(0).location().file());
    }

    @Test
    void unparsableFile_isListedUnderErrorsWithPosition_andTheRestIsScanned() throws IOException {
        ScanResult r = scanWith("Broken.java", "class Broken {\n  java.util.concurrent.locks.Lock l;\n  void m( {\n}\n"
                .getBytes(StandardCharsets.UTF_8));
        FileError e = only(r.report().errors(), "Broken.java");
        assertTrue(e.message().startsWith("parse error at 3:"), e.message());
        assertGoodStillScanned(r);
    }

    @Test
    void fileThatCannotMatter_isNotParsed_unlessThePrefilterIsOff() throws IOException {
        Files.writeString(dir.resolve("Good.java"), GOOD);
        Files.writeString(dir.resolve("Unrelated.java"), "class Unrelated {\n  void m( {\n}\n");
        ScanResult filtered = new Scanner(ScanOptions.of(dir.toString())).scan();
        assertEquals(List.of(), filtered.report().errors(), "a file with no lock, handoff or reference to one is not parsed");
        assertEquals(2, filtered.report().stats().files());
        assertEquals(1, filtered.report().stats().parsed());
        assertGoodStillScanned(filtered);

        ScanResult all = new Scanner(new ScanOptions(List.of(dir.toString()), List.of(), 2, null, false)).scan();
        assertTrue(only(all.report().errors(), "Unrelated.java").message().startsWith("parse error at 2:"));
        assertEquals(2, all.report().stats().parsed());
        assertGoodStillScanned(all);
    }

    @Test
    void emptyFile_isAWarningNotAnError() throws IOException {
        ScanResult r = scanWith("Empty.java", new byte[0]);
        assertEquals(List.of(), r.report().errors());
        assertTrue(only(r.report().warnings(), "Empty.java").message().contains("empty"));
        assertGoodStillScanned(r);
    }

    @Test
    void binaryFileNamedJava_isListedAsBinary() throws IOException {
        ScanResult r = scanWith("Blob.java", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61});
        assertTrue(only(r.report().errors(), "Blob.java").message().startsWith("binary file"));
        assertGoodStillScanned(r);
    }

    @Test
    void nonUtf8File_isAnalysedAsLatin1_withAWarningNamingTheByte() throws IOException {
        byte[] latin1 = GOOD.replace("class Good", "class Caf\u00e9").replace("Good", "Caf\u00e9")
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("Cafe.java"), latin1);
        ScanResult r = new Scanner(ScanOptions.of(dir.toString())).scan();
        assertEquals(List.of(), r.report().errors());
        FileError w = only(r.report().warnings(), "Cafe.java");
        assertTrue(w.message().contains("byte 0xE9 at line 2"), w.message());
        assertEquals(1, r.report().findings().size(), "the Latin-1 file is still analysed");
    }

    @Test
    void hundredThousandLineFile_isAnalysed() throws IOException {
        StringBuilder sb = new StringBuilder(GOOD.replace("class Good", "class Huge").replace("}\n}", "}\n"));
        sb.setLength(sb.length() - 1);
        for (int i = 0; i < 100_000; i++) sb.append("\n  int f").append(i).append(" = ").append(i).append(';');
        sb.append("\n}\n");
        Files.writeString(dir.resolve("Huge.java"), sb);
        ScanResult r = new Scanner(ScanOptions.of(dir.toString())).scan();
        assertEquals(List.of(), r.report().errors());
        assertEquals(1, r.report().findings().size());
        assertTrue(Files.readAllLines(dir.resolve("Huge.java")).size() >= 100_000);
    }

    @Test
    void unreadableFile_isListedUnderErrors() throws IOException {
        Path secret = dir.resolve("Secret.java");
        Files.writeString(secret, "class Secret {}");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(secret), "running as root: permissions do not stop reads here");
        Files.writeString(dir.resolve("Good.java"), GOOD);
        ScanResult r = new Scanner(ScanOptions.of(dir.toString())).scan();
        assertTrue(only(r.report().errors(), "Secret.java").message().contains("permission denied"));
        assertGoodStillScanned(r);
    }

    @Test
    void nonexistentRoot_isReportedAndTheOtherRootScanned() throws IOException {
        Files.writeString(dir.resolve("Good.java"), GOOD);
        ScanResult r = new Scanner(ScanOptions.of(dir.resolve("missing").toString(), dir.toString())).scan();
        assertEquals(List.of("no such file or directory: " + dir.resolve("missing")), r.unreadableRoots());
        assertGoodStillScanned(r);
    }
}
