package dev.lockcheck.analysis;

import dev.lockcheck.report.Report;
import dev.lockcheck.report.ReportJson;
import dev.lockcheck.report.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The on-disk cache ({@code .lockcheck-cache/} beside the scanned root, or {@code --cache DIR}):
 * a scan's report, keyed by the tool version and build, the options that change findings, and every source
 * file's path and content hash. Findings are interprocedural, so any changed file invalidates the
 * whole entry; an unchanged tree is answered from the cache after hashing its files. A damaged or
 * unreadable cache is ignored (and rewritten), never an error.
 */
final class ScanCache {
    private final Path dir;

    /**
     * Which build of the analyzer wrote an entry: two builds of one version can find different
     * things (a development build, a patched jar), and a report of the other build must not be
     * replayed. The jar's size and time stamp; classes outside a jar (tests, an IDE) never share
     * entries with another run.
     */
    private static final String BUILD = build();

    private static String build() {
        try {
            Path code = Path.of(ScanCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) return Files.size(code) + "@" + Files.getLastModifiedTime(code).toMillis();
        } catch (Exception e) {
            // no code source: below
        }
        return "run-" + java.util.UUID.randomUUID();
    }

    ScanCache(Path dir) {
        this.dir = dir;
    }

    /**
     * The key of a scan: version and build, options, then each file's relative path and SHA-256
     * ({@link #digest} of its bytes, null when unreadable), in order.
     */
    static String key(ScanOptions options, List<SourceFile> files, List<byte[]> digests) {
        MessageDigest all = sha256();
        update(all, "lockcheck " + Tool.VERSION + " " + BUILD + "\n");
        update(all, "rules=" + (options.rules() == null ? "*" : String.join(",", new java.util.TreeSet<>(options.rules()))) + "\n");
        update(all, "prefilter=" + options.prefilter() + "\n");
        for (int i = 0; i < files.size(); i++) {
            update(all, files.get(i).relPath() + "\n");
            if (digests.get(i) == null) update(all, "unreadable\n");
            else all.update(digests.get(i));
        }
        return HexFormat.of().formatHex(all.digest());
    }

    static byte[] digest(byte[] content) {
        return sha256().digest(content);
    }

    Report load(String key) {
        Path p = dir.resolve(key + ".json");
        if (!Files.isRegularFile(p)) return null;
        try {
            return ReportJson.read(p);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    void store(String key, Report report) {
        try {
            Files.createDirectories(dir);
            try (var old = Files.list(dir)) {
                // one entry per tree: the previous scan's entry is stale once this one exists
                old.filter(p -> p.getFileName().toString().endsWith(".json")).forEach(p -> p.toFile().delete());
            }
            Path tmp = Files.createTempFile(dir, "scan", ".tmp");
            Files.write(tmp, ReportJson.toString(report).getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(tmp, dir.resolve(key + ".json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(key + ".json"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // a read-only tree or a full disk: the next scan is simply cold
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest d, String s) {
        d.update(s.getBytes(StandardCharsets.UTF_8));
    }
}
