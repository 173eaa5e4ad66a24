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
import dev.lockcheck.analysis.checks.Checks;
import dev.lockcheck.analysis.knowledge.Handoffs;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** One scan: find the files, read and parse them in parallel, analyse, and build the report. */
public final class Scanner {
    /** Deeply nested generated code (long string concatenations) needs a deep parser stack. */
    private static final long PARSER_STACK_BYTES = 256L * 1024 * 1024;

    private final ScanOptions options;
    /** Files handed to the parser (the prefilter's selection), whether or not they parsed. */
    private int attempted;
    /** The selected rules whose trigger words some file holds (the others cannot find anything). */
    private Set<String> activeRules = Set.of();
    /** Report path of each directory or file inside a root that could not be read → the path a person can open. */
    private final Map<String, String> unreadableShown = new HashMap<>();

    public Scanner(ScanOptions options) {
        this.options = options;
    }

    public ScanResult scan() {
        long start = System.nanoTime();
        List<String> unreadable = new ArrayList<>();
        List<FileError> walkErrors = new ArrayList<>();
        List<FileError> skipped = new ArrayList<>();
        List<SourceFile> files = discover(unreadable, walkErrors, skipped);
        ScanCache cache = options.cacheDir() == null ? null : new ScanCache(options.cacheDir());
        // every file is read once: its bytes give the cache key and, on a miss, the text to analyse
        List<Loaded> loaded = loadAll(files, cache != null);
        String key = null;
        if (cache != null) {
            List<byte[]> digests = new ArrayList<>(loaded.size());
            for (Loaded l : loaded) digests.add(l.digest());
            key = ScanCache.key(options, files, digests);
            Report cached = cache.load(key);
            if (cached != null) {
                long ms = (System.nanoTime() - start) / 1_000_000;
                Report r = Report.of(Report.STATIC, cached.findings(), cached.errors(), cached.warnings(),
                        new Stats(files.size(), cached.stats() == null ? 0 : cached.stats().parsed(), ms));
                return result(r, files, unreadable);
            }
        }
        Progress progress = options.progress() ? Progress.start(files.size()) : null;
        List<FileError> errors = java.util.Collections.synchronizedList(new ArrayList<>(walkErrors));
        List<FileError> warnings = java.util.Collections.synchronizedList(new ArrayList<>(skipped));
        List<Finding> findings;
        try {
            Prepared prepared = parseAll(files, loaded, errors, warnings);
            if (progress != null) progress.phase("analysing " + prepared.files().size() + " files");
            if (prepared.findings() != null) {
                // the prefilter's last round analysed exactly these files: its analysis is the final one
                findings = prepared.findings();
                errors.addAll(prepared.passErrors());
            } else {
                findings = new Analyzer(prepared.files(), activeRules, errors, options.jobs()).run();
            }
        } catch (RuntimeException | StackOverflowError e) {
            throw new AnalysisFailedException("analysis failed: " + e, e);
        } finally {
            if (progress != null) progress.stop();
        }
        List<FileError> sortedErrors = new ArrayList<>(errors);
        sortedErrors.sort(Comparator.comparing(FileError::file));
        List<FileError> sortedWarnings = new ArrayList<>(warnings);
        sortedWarnings.sort(Comparator.comparing(FileError::file));
        long ms = (System.nanoTime() - start) / 1_000_000;
        Report report = Report.of(Report.STATIC, findings, sortedErrors, sortedWarnings,
                new Stats(files.size(), attempted, ms));
        if (cache != null && unreadable.isEmpty() && walkErrors.isEmpty()) cache.store(key, report);
        return result(report, files, unreadable);
    }

    private ScanResult result(Report report, List<SourceFile> files, List<String> unreadable) {
        Map<String, String> display = new HashMap<>(unreadableShown);
        Map<String, Path> paths = new HashMap<>();
        for (SourceFile f : files) {
            display.putIfAbsent(f.relPath(), f.display());
            paths.putIfAbsent(f.relPath(), f.path());
        }
        // repository paths only for the files a report names (SARIF), each worked out once
        Map<String, String> repo = new HashMap<>();
        Map<Path, Optional<Path>> gitRoots = new HashMap<>();
        java.util.function.UnaryOperator<String> toRepo = p -> repo.computeIfAbsent(p,
                k -> paths.containsKey(k) ? repoRelative(paths.get(k), gitRoots) : k);
        return new ScanResult(report, p -> display.getOrDefault(p, p), toRepo, unreadable);
    }

    /** Progress on standard error, once the scan has run longer than a moment; erased when done. */
    private static final class Progress {
        private final Thread thread;
        private volatile String phase;
        private volatile boolean shown;

        private Progress(int files) {
            phase = "reading " + files + " files";
            thread = new Thread(() -> {
                try {
                    Thread.sleep(1000);
                    while (!Thread.currentThread().isInterrupted()) {
                        System.err.print("\rlockcheck: " + phase + ", " + parsedCount.get() + " parsed...\u001b[K");
                        System.err.flush();
                        shown = true;
                        Thread.sleep(250);
                    }
                } catch (InterruptedException e) {
                    // done
                }
            }, "lockcheck-progress");
            thread.setDaemon(true);
        }

        static Progress start(int files) {
            Progress p = new Progress(files);
            p.thread.start();
            return p;
        }

        void phase(String p) {
            phase = p;
        }

        void stop() {
            thread.interrupt();
            try {
                thread.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (shown) {
                System.err.print("\r\u001b[K");
                System.err.flush();
            }
        }
    }

    /** Thrown when the analysis itself breaks (exit 3), as opposed to a bad input file. */
    public static final class AnalysisFailedException extends RuntimeException {
        AnalysisFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The source files under the roots, sorted. A root that is missing or unreadable goes to
     * {@code unreadable} (bad input); a directory or file inside a root that cannot be read goes to
     * {@code walkErrors} (the scan goes on); a file over {@link ScanOptions#maxFileBytes()} is left
     * out with a warning in {@code skipped}. A root that is a symbolic link to a directory is walked
     * through the link.
     */
    private List<SourceFile> discover(List<String> unreadable, List<FileError> walkErrors, List<FileError> skipped) {
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
                if (!excluded(excludes, rel) && !tooLarge(rel, size(root), skipped)) out.add(new SourceFile(root, rel, rel));
                continue;
            }
            String prefix = given.equals(".") || given.equals("./") ? "" : stripSlash(given.replace('\\', '/')) + "/";
            Path walkRoot = root;
            if (Files.isSymbolicLink(root) && Files.isDirectory(root)) {
                try {
                    walkRoot = root.toRealPath();
                } catch (IOException e) {
                    unreadable.add("cannot read: " + given + " (" + e.getMessage() + ")");
                    continue;
                }
            }
            Path top = walkRoot;
            try {
                Files.walkFileTree(top, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (!dir.equals(top)) {
                            String name = dir.getFileName().toString();
                            String rel = rel(top, dir);
                            if (name.startsWith(".") || excluded(excludes, rel)) return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".java")) {
                            String rel = rel(top, file);
                            if (!excluded(excludes, rel) && !tooLarge(rel, attrs.size(), skipped)) {
                                out.add(new SourceFile(file, rel, prefix + rel));
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        if (file.equals(top)) {
                            unreadable.add("cannot read: " + given + " (" + why(exc) + ")");
                        } else if (file.toString().endsWith(".java") || Files.isDirectory(file)) {
                            walkErrors.add(new FileError(rel(top, file), "cannot read: " + why(exc)));
                            unreadableShown.put(rel(top, file), prefix + rel(top, file));
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

    /** Whether a file is over the size limit; if so, says so in {@code skipped}. */
    private boolean tooLarge(String rel, long size, List<FileError> skipped) {
        long max = options.maxFileBytes();
        if (max <= 0 || size <= max) return false;
        skipped.add(new FileError(rel, "not analysed: " + size / 1024 + " KiB is over the " + max / 1024
                + " KiB limit for one file (generated code?); --max-file-size BYTES raises it (give the JVM more heap)"));
        return true;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String why(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
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

    /** A file read from disk: its text (null when unreadable) and what the prefilter saw in it. */
    private record Read(SourceFile source, String text, Prefilter.Facts facts) {
    }

    /**
     * The parsed files; with the prefilter, the analysis of its last round when that round added
     * no file (else null), the analyzer that made it, and the errors it met.
     */
    private record Prepared(List<ParsedFile> files, Analyzer analyzer, Analyzer.Pass pass, List<FileError> passErrors,
                            List<Finding> findings) {
        Prepared(List<ParsedFile> files, Analyzer analyzer, Analyzer.Pass pass, List<FileError> passErrors) {
            this(files, analyzer, pass, passErrors, null);
        }

        static Prepared of(List<ParsedFile> files) {
            return new Prepared(files, null, null, List.of());
        }
    }

    /** A file's bytes (or why they could not be read) and, for the cache, their SHA-256. */
    private record Loaded(SourceReader.Loaded content, byte[] digest) {
    }

    private List<Loaded> loadAll(List<SourceFile> files, boolean digest) {
        if (files.isEmpty()) return List.of();
        ExecutorService pool = Workers.pool(Math.min(options.jobs(), files.size()), "lockcheck-read", 0);
        try {
            List<Future<Loaded>> fs = new ArrayList<>(files.size());
            for (SourceFile f : files) {
                fs.add(pool.submit(() -> {
                    SourceReader.Loaded c = SourceReader.load(f.path());
                    return new Loaded(c, digest && c.bytes() != null ? ScanCache.digest(c.bytes()) : null);
                }));
            }
            List<Loaded> out = new ArrayList<>(files.size());
            for (Future<Loaded> fu : fs) out.add(get(fu));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private Prepared parseAll(List<SourceFile> files, List<Loaded> loaded, List<FileError> errors, List<FileError> warnings) {
        if (files.isEmpty()) return Prepared.of(List.of());
        ExecutorService pool = Workers.pool(Math.min(options.jobs(), files.size()), "lockcheck-parse", PARSER_STACK_BYTES);
        parsedCount.set(0);
        // RAW: the full grammar without JavaParser's validators and post-processors, which walk
        // the whole tree several times (3x the parse on a 100,000-line file) and only reject
        // code javac would reject anyway; `var` stays a type named "var", which the resolver reads.
        ThreadLocal<JavaParser> parsers = ThreadLocal.withInitial(() -> new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
                .setAttributeComments(false)
                // the file's line separator matters only to printers; finding it reads every character again (12% of a parse)
                .setDetectOriginalLineSeparator(false)
                .setStoreTokens(true)));
        Map<String, Set<String>> triggers = new java.util.LinkedHashMap<>();
        for (StaticCheck c : Checks.all()) {
            if (options.rules() == null || options.rules().contains(c.ruleId())) triggers.put(c.ruleId(), c.textTriggers());
        }
        Prefilter.Reader reader = new Prefilter.Reader(triggers,
                Prefilter.actorWords(Handoffs.handoffTypeNames()));
        try {
            List<Future<Read>> reads = new ArrayList<>(files.size());
            for (int i = 0; i < files.size(); i++) {
                SourceFile f = files.get(i);
                SourceReader.Loaded content = loaded.get(i).content();
                loaded.set(i, null); // the bytes live only until they are decoded
                reads.add(pool.submit(() -> readOne(f, content, errors, warnings, reader)));
            }
            List<Read> readable = new ArrayList<>();
            for (Future<Read> fu : reads) {
                Read r = get(fu);
                if (r.text() != null) readable.add(r);
            }
            // a rule whose trigger words no file of the tree holds cannot find anything: not run
            activeRules = new java.util.TreeSet<>();
            for (Read r : readable) activeRules.addAll(r.facts().rules());
            if (!options.prefilter()) {
                attempted = readable.size();
                return Prepared.of(parse(pool, parsers, readable, errors));
            }
            List<Prefilter.Facts> facts = new ArrayList<>(readable.size());
            for (Read r : readable) facts.add(r.facts());
            Prefilter prefilter = new Prefilter(facts);
            Set<SourceFile> followsAll = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (Read r : readable) if (r.facts().followsAllCalls()) followsAll.add(r.source());
            BitSet wanted = prefilter.seeds();
            BitSet done = new BitSet(readable.size());
            List<ParsedFile> parsed = new ArrayList<>();
            Prepared last = null;
            int callerRounds = 0;
            // the last pass's index: each pass indexes only the files it added
            ProjectIndex index = null;
            Set<ProjectFacts.CallerQuestion> looked = new java.util.HashSet<>();
            for (int round = 0; round < Prefilter.MAX_ROUNDS + callerRounds; round++) {
                BitSet todo = (BitSet) wanted.clone();
                todo.andNot(done);
                if (todo.isEmpty() && last != null && callerRounds < CALLER_ROUNDS) {
                    // the checks' findings over this pass; an answer about "every caller" of a
                    // method needs every file calling it: the files naming one are parsed, and
                    // the checks asked again, until no such file is left outside
                    List<Finding> found = last.analyzer().findings(last.pass());
                    BitSet callers = callerFiles(pool, readable, done, last.pass().facts.callersAsked(), prefilter, looked);
                    if (callers.isEmpty()) {
                        last = new Prepared(last.files(), last.analyzer(), last.pass(), last.passErrors(), found);
                        break;
                    }
                    callerRounds++;
                    wanted.or(callers);
                    todo = (BitSet) wanted.clone();
                    todo.andNot(done);
                }
                if (todo.isEmpty()) break;
                List<Read> batch = new ArrayList<>();
                for (int i = todo.nextSetBit(0); i >= 0; i = todo.nextSetBit(i + 1)) batch.add(readable.get(i));
                parsed.addAll(parse(pool, parsers, batch, errors));
                last = null;
                done.or(todo);
                Set<String> outside = prefilter.declaredOutside(done);
                if (outside.isEmpty()) break;
                Set<ParsedFile> followAll = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                for (ParsedFile pf : parsed) if (followsAll.contains(pf.source())) followAll.add(pf);
                List<FileError> passErrors = java.util.Collections.synchronizedList(new ArrayList<>());
                List<ParsedFile> these = List.copyOf(parsed);
                Analyzer analyzer = new Analyzer(these, activeRules, passErrors, options.jobs());
                Analyzer.Pass pass = analyzer.prefilterPass(index, outside, prefilter.extendedOutside(done), followAll);
                index = pass.index;
                last = new Prepared(these, analyzer, pass, passErrors);
                Analyzer.Needed needed = pass.needed();
                wanted = prefilter.expand(wanted, needed.underLock(), needed.called());
                // callers the walk asked for go with this round's files, not a round of their own
                // after the checks (the question is then looked and not asked again)
                wanted.or(callerFiles(pool, readable, done, pass.callerQuestions(), prefilter, looked));
            }
            attempted = done.cardinality();
            if (last != null && last.findings() == null) {
                last = new Prepared(last.files(), last.analyzer(), last.pass(), last.passErrors(),
                        last.analyzer().findings(last.pass()));
            }
            return last != null ? last : Prepared.of(parsed);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Rounds the prefilter adds to parse the callers of methods whose every caller a check asked about. */
    private static final int CALLER_ROUNDS = 6;

    /**
     * The files not {@code done} that may call a method of {@code questions}: their text names the
     * method and its class or one of its supertypes declared in the tree (the type a caller holds
     * the receiver as; JDK supertypes such as Runnable name too much to tell anything).
     */
    private static BitSet callerFiles(ExecutorService pool, List<Read> readable, BitSet done, Set<ProjectFacts.CallerQuestion> questions,
                                      Prefilter prefilter, Set<ProjectFacts.CallerQuestion> looked) {
        BitSet out = new BitSet(readable.size());
        if (questions.isEmpty()) return out;
        List<ProjectFacts.CallerQuestion> sorted = new ArrayList<>();
        for (ProjectFacts.CallerQuestion q : questions) {
            // a question looked for in an earlier round: every file naming it was parsed then, and
            // the texts of the others have not changed since
            if (!looked.add(q)) continue;
            Set<String> types = new java.util.TreeSet<>(q.types());
            types.removeIf(t -> !prefilter.declaresAnywhere(t));
            if (!types.isEmpty()) sorted.add(new ProjectFacts.CallerQuestion(q.method(), types));
        }
        if (sorted.isEmpty()) return out;
        // every text not parsed yet, on the pool's threads (the main thread alone read them all)
        List<Future<Boolean>> asks = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = done.nextClearBit(0); i < readable.size(); i = done.nextClearBit(i + 1)) {
            String text = readable.get(i).text();
            at.add(i);
            asks.add(pool.submit(() -> {
                for (ProjectFacts.CallerQuestion q : sorted) {
                    if (ProjectFacts.namesWord(text, q.method()) && q.types().stream().anyMatch(t -> ProjectFacts.namesWord(text, t))) return true;
                }
                return false;
            }));
        }
        for (int k = 0; k < asks.size(); k++) if (get(asks.get(k))) out.set(at.get(k));
        return out;
    }

    private static List<ParsedFile> parse(ExecutorService pool, ThreadLocal<JavaParser> parsers, List<Read> batch,
                                          List<FileError> errors) {
        List<Future<ParsedFile>> parses = new ArrayList<>(batch.size());
        for (Read r : batch) parses.add(pool.submit(() -> parseOne(parsers.get(), r.source(), r.text(), errors)));
        List<ParsedFile> out = new ArrayList<>();
        for (Future<ParsedFile> fu : parses) {
            ParsedFile pf = get(fu);
            if (pf != null) out.add(pf);
        }
        return out;
    }

    private static <T> T get(Future<T> fu) {
        try {
            return fu.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalysisFailedException("interrupted", e);
        } catch (ExecutionException e) {
            throw new AnalysisFailedException("reading or parsing failed: " + e.getCause(), e.getCause());
        }
    }

    private static Read readOne(SourceFile f, SourceReader.Loaded content, List<FileError> errors, List<FileError> warnings,
                                Prefilter.Reader reader) {
        SourceReader.Result read = SourceReader.decode(content);
        if (read.problem() != null) {
            errors.add(new FileError(f.relPath(), read.problem()));
            return new Read(f, null, null);
        }
        if (read.caveat() != null) warnings.add(new FileError(f.relPath(), read.caveat()));
        if (read.text().isBlank()) return new Read(f, null, null);
        return new Read(f, read.text(), reader.facts(read.text()));
    }

    private static final AtomicInteger parsedCount = new AtomicInteger();

    private static ParsedFile parseOne(JavaParser parser, SourceFile f, String text, List<FileError> errors) {
        parsedCount.incrementAndGet();
        try {
            ParseResult<CompilationUnit> res = parser.parse(text);
            if (!res.isSuccessful() || res.getResult().isEmpty()) {
                errors.add(new FileError(f.relPath(), describe(res.getProblems())));
                return null;
            }
            return new ParsedFile(f, res.getResult().get(), text);
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

    /**
     * The file's path from the root of its git checkout (or from the working directory); the
     * checkout root of each directory is looked up once ({@code gitRoots}), not once per file.
     */
    private static String repoRelative(Path file, Map<Path, Optional<Path>> gitRoots) {
        Path abs = file.toAbsolutePath().normalize();
        Path root = abs.getParent() == null ? null : gitRoot(abs.getParent(), gitRoots).orElse(null);
        if (root != null) return root.relativize(abs).toString().replace('\\', '/');
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString().replace('\\', '/') : abs.toString().replace('\\', '/');
    }

    private static Optional<Path> gitRoot(Path dir, Map<Path, Optional<Path>> known) {
        Optional<Path> r = known.get(dir);
        if (r != null) return r;
        if (Files.exists(dir.resolve(".git"))) r = Optional.of(dir);
        else r = dir.getParent() == null ? Optional.empty() : gitRoot(dir.getParent(), known);
        known.put(dir, r);
        return r;
    }
}
