package dev.lockcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What SARIF's {@code %SRCROOT%} stands for: the git repository enclosing the scanned paths, or
 * when there is none, their nearest common directory. Every reported file is then a relative URI
 * under it, as GitHub code scanning requires.
 */
record SourceRoot(Path dir) {
    static SourceRoot of(List<String> scanned) {
        Path common = null;
        for (String s : scanned) {
            Path p = Path.of(s).toAbsolutePath().normalize();
            Path d = Files.isDirectory(p) ? p : (p.getParent() == null ? p : p.getParent());
            common = common == null ? d : commonAncestor(common, d);
        }
        if (common == null) common = Path.of("").toAbsolutePath();
        for (Path d = common; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) return new SourceRoot(d);
        }
        return new SourceRoot(common);
    }

    /** @param displayPath report path → a path openable from the working directory */
    UnaryOperator<String> relativizer(UnaryOperator<String> displayPath) {
        return p -> {
            Path abs = Path.of(displayPath.apply(p)).toAbsolutePath().normalize();
            return abs.startsWith(dir) ? dir.relativize(abs).toString().replace('\\', '/') : abs.toString();
        };
    }

    private static Path commonAncestor(Path a, Path b) {
        Path r = a;
        while (r != null && !b.startsWith(r)) r = r.getParent();
        return r == null ? a.getRoot() : r;
    }
}
