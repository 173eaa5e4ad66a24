package dev.lockcheck.cli;

import dev.lockcheck.report.Finding;
import dev.lockcheck.report.Location;
import dev.lockcheck.report.Report;
import dev.lockcheck.report.TraceStep;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A project's source roots, so that runtime findings, which name a file by its package path
 * ({@code acme/Cache.java}, all a stack frame knows), name it by its path in the project
 * ({@code core/src/main/java/acme/Cache.java}): what code scanning needs to link a SARIF result.
 * A package path found under no root is left as it is.
 */
final class SourceRoots {
    private final Path base;
    private final List<Path> roots;
    private final Map<String, String> memo = new HashMap<>();

    private SourceRoots(Path base, List<Path> roots) {
        this.base = base;
        this.roots = roots;
    }

    /**
     * @param given {@code --source-root} directories, or null/empty for the Maven/Gradle layout under {@code base}:
     *              {@code src/main/java}, {@code src/test/java}, and the same under each direct subdirectory
     * @param base  the directory paths are reported from (the working directory)
     */
    static SourceRoots of(List<Path> given, Path base) {
        Path b = base.toAbsolutePath().normalize();
        List<Path> roots = new ArrayList<>();
        if (given != null && !given.isEmpty()) {
            for (Path g : given) {
                if (!Files.isDirectory(g)) throw new Main.UsageException("--source-root: no such directory: " + g);
                roots.add(g.toAbsolutePath().normalize());
            }
        } else {
            addLayout(b, roots);
            try (DirectoryStream<Path> subs = Files.newDirectoryStream(b, Files::isDirectory)) {
                List<Path> sorted = new ArrayList<>();
                subs.forEach(sorted::add);
                sorted.sort(null);
                for (Path sub : sorted) if (!sub.getFileName().toString().startsWith(".")) addLayout(sub, roots);
            } catch (IOException | RuntimeException e) {
                // an unreadable working directory: no roots, paths stay package paths
            }
        }
        return new SourceRoots(b, roots);
    }

    private static void addLayout(Path dir, List<Path> roots) {
        for (String layout : new String[] {"src/main/java", "src/test/java"}) {
            Path r = dir.resolve(layout);
            if (Files.isDirectory(r)) roots.add(r);
        }
    }

    List<Path> roots() {
        return roots;
    }

    /** The file's path from the base when a root holds it, else the package path unchanged. */
    String resolve(String packagePath) {
        if (packagePath == null || roots.isEmpty()) return packagePath;
        return memo.computeIfAbsent(packagePath, p -> {
            if (p.startsWith("/") || p.contains("..")) return p;
            for (Path r : roots) {
                Path f = r.resolve(p);
                if (Files.isRegularFile(f)) {
                    Path abs = f.toAbsolutePath().normalize();
                    return (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
                }
            }
            return p;
        });
    }

    /** Runtime findings with their location and trace files resolved; static findings are already project paths. */
    Report rewrite(Report r) {
        if (roots.isEmpty()) return r;
        List<Finding> out = new ArrayList<>();
        for (Finding f : r.findings()) out.add(f.threads() == null && f.cycle() == null ? f : rewrite(f));
        return r.withFindings(out);
    }

    private Finding rewrite(Finding f) {
        Location l = f.location();
        Location loc = l == null ? null : new Location(resolve(l.file()), l.line(), l.column());
        List<TraceStep> trace = new ArrayList<>();
        for (TraceStep t : f.trace()) trace.add(new TraceStep(resolve(t.file()), t.line(), t.note(), t.evidence()));
        return new Finding(f.ruleId(), f.severity(), f.message(), loc, f.lock(), trace, f.threads(), f.fingerprint(),
                f.suppressedBy(), f.cycle());
    }
}
