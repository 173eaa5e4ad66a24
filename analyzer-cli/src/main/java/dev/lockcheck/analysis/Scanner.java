package dev.lockcheck.analysis;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import dev.lockcheck.report.FileError;
import dev.lockcheck.report.Finding;
import dev.lockcheck.report.Report;
import dev.lockcheck.report.Stats;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** One scan: find the files, read and parse them in parallel, analyse, and build the report. */
public final class Scanner {
    /** Deeply nested generated code (long string concatenations) needs a deep parser stack. */
    private static final long PARSER_STACK_BYTES = 256L * 1024 * 1024;

    private final ScanOptions options;

    public Scanner(ScanOptions options) {
        this.options = options;
    }

    public ScanResult scan() {
        long start = System.nanoTime();
        List<String> unreadable = new ArrayList<>();
        List<SourceFile> files = discover(unreadable);
        List<FileError> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        List<FileError> warnings = java.util.Collections.synchronizedList(new ArrayList<>());
        List<ParsedFile> parsed = parseAll(files, errors, warnings);

        List<Finding> findings;
        try {
            findings = new Analyzer(parsed, options.rules(), errors, options.jobs()).run();
        } catch (RuntimeException | StackOverflowError e) {
            throw new AnalysisFailedException("analysis failed: " + e, e);
        }
        List<FileError> sortedErrors = new ArrayList<>(errors);
        sortedErrors.sort(Comparator.comparing(FileError::file));
        List<FileError> sortedWarnings = new ArrayList<>(warnings);
        sortedWarnings.sort(Comparator.comparing(FileError::file));
        long ms = (System.nanoTime() - start) / 1_000_000;
        Report report = Report.of(Report.STATIC, findings, sortedErrors, sortedWarnings,
                new Stats(files.size(), parsed.size(), ms));

        Map<String, String> display = new HashMap<>();
        Map<String, String> repo = new HashMap<>();
        for (SourceFile f : files) {
            display.putIfAbsent(f.relPath(), f.display());
            repo.putIfAbsent(f.relPath(), repoRelative(f.path()));
        }
        return new ScanResult(report, p -> display.getOrDefault(p, p), p -> repo.getOrDefault(p, p), unreadable);
    }

    /** Thrown when the analysis itself breaks (exit 3), as opposed to a bad input file. */
    public static final class AnalysisFailedException extends RuntimeException {
        AnalysisFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private List<SourceFile> discover(List<String> unreadable) {
        List<SourceFile> out = new ArrayList<>();
        List<PathMatcher> excludes = new ArrayList<>();
        for (String g : options.excludes()) {
            excludes.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
            if (g.startsWith("**/")) excludes.add(FileSystems.getDefault().getPathMatcher("glob:" + g.substring(3)));
        }
        for (String given : options.roots()) {
            Path root = Path.of(given);
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS) && !Files.exists(root)) {
                unreadable.add("no such file or directory: " + given);
                continue;
            }
            if (!Files.isReadable(root)) {
                unreadable.add("cannot read: " + given + " (permission denied)");
                continue;
            }
            if (Files.isRegularFile(root)) {
                String rel = given.replace('\\', '/');
                if (!excluded(excludes, rel)) out.add(new SourceFile(root, rel, rel));
                continue;
            }
            String prefix = given.equals(".") || given.equals("./") ? "" : stripSlash(given.replace('\\', '/')) + "/";
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (!dir.equals(root)) {
                            String name = dir.getFileName().toString();
                            String rel = rel(root, dir);
                            if (name.startsWith(".") || excluded(excludes, rel)) return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".java")) {
                            String rel = rel(root, file);
                            if (!excluded(excludes, rel)) out.add(new SourceFile(file, rel, prefix + rel));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        if (file.toString().endsWith(".java") || Files.isDirectory(file)) {
                            unreadable.add("cannot read: " + prefix + rel(root, file) + " (" + exc.getClass().getSimpleName() + ")");
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                unreadable.add("cannot read: " + given + " (" + e.getMessage() + ")");
            }
        }
        out.sort(Comparator.comparing(SourceFile::display));
        return out;
    }

    private static String stripSlash(String s) {
        while (s.length() > 1 && s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return s;
    }

    private static String rel(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private static boolean excluded(List<PathMatcher> excludes, String rel) {
        if (excludes.isEmpty()) return false;
        Path p = Path.of(rel);
        for (PathMatcher m : excludes) if (m.matches(p)) return true;
        return false;
    }

    private List<ParsedFile> parseAll(List<SourceFile> files, List<FileError> errors, List<FileError> warnings) {
        if (files.isEmpty()) return List.of();
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(null, r, "lockcheck-parse-" + n.incrementAndGet(), PARSER_STACK_BYTES);
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.jobs(), files.size())), tf);
        // RAW: the full grammar without JavaParser's validators and post-processors, which walk
        // the whole tree several times (3x the parse on a 100,000-line file) and only reject
        // code javac would reject anyway; `var` stays a type named "var", which the resolver reads.
        ThreadLocal<JavaParser> parsers = ThreadLocal.withInitial(() -> new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
                .setAttributeComments(false)
                .setStoreTokens(true)));
        try {
            List<Future<ParsedFile>> futures = new ArrayList<>(files.size());
            for (SourceFile f : files) futures.add(pool.submit(() -> parseOne(parsers.get(), f, errors, warnings)));
            List<ParsedFile> out = new ArrayList<>();
            for (Future<ParsedFile> fu : futures) {
                try {
                    ParsedFile pf = fu.get();
                    if (pf != null) out.add(pf);
                } catch (ExecutionException e) {
                    throw new AnalysisFailedException("parser failed: " + e.getCause(), e.getCause());
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalysisFailedException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ParsedFile parseOne(JavaParser parser, SourceFile f, List<FileError> errors, List<FileError> warnings) {
        SourceReader.Result read = SourceReader.read(f.path());
        if (read.problem() != null) {
            errors.add(new FileError(f.relPath(), read.problem()));
            return null;
        }
        if (read.caveat() != null) warnings.add(new FileError(f.relPath(), read.caveat()));
        if (read.text().isBlank()) return null;
        try {
            ParseResult<CompilationUnit> res = parser.parse(read.text());
            if (!res.isSuccessful() || res.getResult().isEmpty()) {
                errors.add(new FileError(f.relPath(), describe(res.getProblems())));
                return null;
            }
            return new ParsedFile(f, res.getResult().get(), read.text());
        } catch (StackOverflowError e) {
            errors.add(new FileError(f.relPath(), "too deeply nested to parse (stack overflow), not analysed"));
            return null;
        } catch (RuntimeException e) {
            errors.add(new FileError(f.relPath(), "parser failed: " + e));
            return null;
        }
    }

    private static String describe(List<Problem> problems) {
        if (problems.isEmpty()) return "parse error";
        Problem p = problems.get(0);
        String where = p.getLocation().flatMap(l -> l.getBegin().getRange())
                .map(r -> " at " + r.begin.line + ":" + r.begin.column).orElse("");
        String msg = p.getMessage().replaceAll("\\s+", " ").strip();
        if (msg.length() > 300) msg = msg.substring(0, 300) + "...";
        return "parse error" + where + ": " + msg + (problems.size() > 1 ? " (" + (problems.size() - 1) + " more)" : "");
    }

    private static String repoRelative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        for (Path dir = abs.getParent(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) return dir.relativize(abs).toString().replace('\\', '/');
        }
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString().replace('\\', '/') : abs.toString().replace('\\', '/');
    }
}
