package dev.lockcheck.cli;

import dev.lockcheck.report.FileError;
import dev.lockcheck.report.Report;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * What the command line settles about a scan's inputs before and after the engine runs: a root that is a
 * symbolic link to a directory is scanned through the link; files too large to parse within the heap are
 * skipped, each with a warning in the report; directories that cannot be read inside a root are listed under
 * the report's {@code errors} (the scan goes on), while a root that cannot be read is bad input (exit 2).
 */
final class ScanInputs {
    private ScanInputs() {
    }

    /**
     * The roots as the engine should walk them: {@code LINK} (a symbolic link to a directory) becomes
     * {@code LINK/.}, which walks the directory it points to; every other path is passed as given.
     */
    static List<String> roots(List<String> given) {
        List<String> out = new ArrayList<>();
        for (String g : given) {
            Path p = Path.of(g);
            out.add(Files.isSymbolicLink(p) && Files.isDirectory(p) ? g + (g.endsWith("/") ? "." : "/.") : g);
        }
        return out;
    }

    /**
     * The largest source file a scan parses by default: parsing costs about 200 bytes of heap per byte of
     * source (a 5 MB file exhausted a 1 GB heap), so a quarter of that share of the heap, kept between
     * 512 KiB (every hand-written file) and 8 MiB.
     */
    static long defaultMaxFileBytes() {
        long share = Runtime.getRuntime().maxMemory() / 800;
        return Math.max(512L * 1024, Math.min(8L * 1024 * 1024, share));
    }

    /** Files over the limit: excludes that make the engine skip them, and the warning for each. */
    record Oversized(List<String> excludes, List<FileError> warnings) {
    }

    static Oversized oversized(List<String> roots, long maxBytes) {
        List<String> excludes = new ArrayList<>();
        List<FileError> warnings = new ArrayList<>();
        for (String given : roots) {
            Path root = Path.of(given);
            if (Files.isRegularFile(root)) {
                long size = size(root);
                if (size > maxBytes) {
                    excludes.add(escapeGlob(given.replace('\\', '/')));
                    warnings.add(tooLarge(given.replace('\\', '/'), size, maxBytes));
                }
                continue;
            }
            if (!Files.isDirectory(root)) continue;
            String prefix = given.equals(".") || given.equals("./") ? "" : stripSlash(given.replace('\\', '/')) + "/";
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return !dir.equals(root) && dir.getFileName().toString().startsWith(".")
                                ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && attrs.size() > maxBytes && file.getFileName().toString().endsWith(".java")) {
                            String rel = root.relativize(file).toString().replace('\\', '/');
                            excludes.add(escapeGlob(rel));
                            warnings.add(tooLarge(prefix + rel, attrs.size(), maxBytes));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        return FileVisitResult.CONTINUE; // the engine's walk reports it
                    }
                });
            } catch (IOException e) {
                // the engine's walk reports an unreadable root
            }
        }
        return new Oversized(excludes, warnings);
    }

    private static FileError tooLarge(String file, long size, long max) {
        return new FileError(file, "not analysed: " + size / 1024 + " KiB is over the " + max / 1024
                + " KiB limit for one file (generated code?); --max-file-size BYTES raises it (give the JVM more heap)");
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    static String escapeGlob(String path) {
        StringBuilder b = new StringBuilder();
        for (char c : path.toCharArray()) {
            if ("\\*?[]{}".indexOf(c) >= 0) b.append('\\');
            b.append(c);
        }
        return b.toString();
    }

    private static String stripSlash(String s) {
        while (s.length() > 1 && s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return s;
    }

    /**
     * The engine's unreadable paths, split: those naming a root as given on the command line (bad input),
     * and those inside a root (a directory or file of the tree that cannot be read: a report error).
     */
    record Unreadable(List<String> roots, List<FileError> inside) {
    }

    static Unreadable classify(List<String> messages, List<String> given) {
        List<String> roots = new ArrayList<>();
        List<FileError> inside = new ArrayList<>();
        for (String m : messages) {
            String path = pathOf(m);
            if (path == null || given.contains(path) || given.stream().anyMatch(g -> stripSlash(g).equals(path))) {
                roots.add(m);
            } else {
                inside.add(new FileError(path, "cannot read" + reasonOf(m)));
            }
        }
        return new Unreadable(roots, inside);
    }

    /** The path an engine message names ("cannot read: PATH (why)", "no such file or directory: PATH"). */
    private static String pathOf(String message) {
        int colon = message.indexOf(": ");
        if (colon < 0) return null;
        String rest = message.substring(colon + 2);
        int paren = rest.lastIndexOf(" (");
        return paren < 0 ? rest : rest.substring(0, paren);
    }

    private static String reasonOf(String message) {
        int paren = message.lastIndexOf(" (");
        if (paren < 0 || !message.endsWith(")")) return "";
        String why = message.substring(paren + 2, message.length() - 1);
        return ": " + (why.equals("AccessDeniedException") ? "permission denied" : why);
    }

    /** The report with the problems the command line found added to its errors and warnings. */
    static Report withProblems(Report r, List<FileError> errors, List<FileError> warnings) {
        if (errors.isEmpty() && warnings.isEmpty()) return r;
        List<FileError> e = new ArrayList<>(r.errors());
        e.addAll(errors);
        List<FileError> w = new ArrayList<>(r.warnings());
        w.addAll(warnings);
        return new Report(r.schema(), r.tool(), r.source(), r.findings(), e, w, r.stats());
    }
}
