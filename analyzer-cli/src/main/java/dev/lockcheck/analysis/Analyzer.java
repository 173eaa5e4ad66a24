package dev.lockcheck.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import dev.lockcheck.analysis.ProjectIndex.MethodInfo;
import dev.lockcheck.analysis.ProjectIndex.TypeInfo;
import dev.lockcheck.analysis.checks.Checks;
import dev.lockcheck.report.FileError;
import dev.lockcheck.report.Finding;
import dev.lockcheck.report.Fingerprints;
import dev.lockcheck.report.Location;
import dev.lockcheck.report.TraceStep;
import dev.lockcheck.rules.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Runs every static check over the parsed project: index, per-body flow (in parallel), then the checks. */
final class Analyzer {
    private static final long STACK_BYTES = 512L * 1024 * 1024;

    private final List<ParsedFile> files;
    private final Set<String> rules;
    private final List<FileError> errors;
    private final int jobs;

    Analyzer(List<ParsedFile> files, Set<String> rules, List<FileError> errors, int jobs) {
        this.files = files;
        this.rules = rules;
        this.errors = errors;
        this.jobs = Math.max(1, jobs);
    }

    /**
     * One analysis of the parsed files: the index, the summaries and the facts of every body the
     * walk predicate chose. The prefilter's last round, which adds no file, is the final analysis.
     */
    static final class Pass {
        final ProjectIndex index;
        final Resolver resolver;
        final Summaries summaries;
        final List<BodyResult> results;
        /** The bodies that can hold a lock themselves, as this pass's summaries tell: see {@link MayHold}. */
        final MayHold mayHold;
        /** What the checks read, once {@link #findings} ran over this pass. */
        ProjectFacts facts;

        private Pass(ProjectIndex index, Resolver resolver, Summaries summaries, List<BodyResult> results, MayHold mayHold) {
            this.index = index;
            this.resolver = resolver;
            this.summaries = summaries;
            this.results = results;
            this.mayHold = mayHold;
        }

        /**
         * For the prefilter: the types declared in unparsed files whose code runs while some parsed
         * body holds a lock (directly, or through calls into parsed code), and those called from
         * mapping functions.
         */
        Needed needed() {
            return new Needed(Set.copyOf(summaries.needed()), Set.copyOf(summaries.called()));
        }

        /**
         * For the prefilter, in the same round: the callers the walk wanted parsed (the methods
         * taking a listener interface whose calls ran under a lock), asked as the checks' are.
         */
        Set<ProjectFacts.CallerQuestion> callerQuestions() {
            Set<ProjectFacts.CallerQuestion> out = new java.util.HashSet<>();
            for (MethodInfo m : summaries.callersWanted()) {
                ProjectFacts.CallerQuestion q = ProjectFacts.callersOf(index, m);
                if (q != null) out.add(q);
            }
            return out;
        }
    }

    /**
     * Analyses the parsed files for the prefilter: calls on {@code unparsedTypes} are recorded as
     * needed; every body of a {@code followAll} file is walked, locks or not.
     *
     * @param previous the last pass's index, whose files are the first of this pass's (or null)
     */
    Pass prefilterPass(ProjectIndex previous, Set<String> unparsedTypes, Set<String> extendedOutside, Set<ParsedFile> followAll) {
        ProjectIndex index = previous == null ? new ProjectIndex(files) : new ProjectIndex(previous, added(previous));
        Resolver resolver = new Resolver(index, extendedOutside);
        Summaries summaries = new Summaries(resolver, unparsedTypes, followAll);
        List<Body> bodies = bodies(index);
        MayHold mayHold = new MayHold(resolver, summaries);
        List<BodyResult> results = analyse(bodies, summaries, resolver, b -> mayHold.test(b) || followAll.contains(b.file()));
        return new Pass(index, resolver, summaries, results, mayHold);
    }

    /** This analysis's files that {@code previous} does not index, in order; they must all come after those it does. */
    private List<ParsedFile> added(ProjectIndex previous) {
        List<ParsedFile> out = new ArrayList<>();
        for (ParsedFile f : files) {
            if (!previous.indexes(f)) out.add(f);
            else if (!out.isEmpty()) throw new IllegalStateException("an indexed file after a new one: " + f.source().relPath());
        }
        return out;
    }

    /** @param underLock unparsed types whose code runs under a lock; @param called unparsed types called from mapping functions */
    record Needed(Set<String> underLock, Set<String> called) {
    }

    List<Finding> run() {
        ProjectIndex index = new ProjectIndex(files);
        Resolver resolver = new Resolver(index);
        Summaries summaries = new Summaries(resolver);
        MayHold mayHold = new MayHold(resolver, summaries);
        List<BodyResult> results = analyse(bodies(index), summaries, resolver, mayHold);
        return findings(new Pass(index, resolver, summaries, results, mayHold));
    }

    /**
     * The findings of the checks over a pass of these same files. A body of a pass that walked
     * more than the bodies that may lock reads as one that was not walked, as in {@link #run()}:
     * the callers' summaries stay what they are, since they are the same either way.
     */
    List<Finding> findings(Pass pass) {
        List<BodyResult> results = new ArrayList<>(pass.results.size());
        for (BodyResult r : pass.results) {
            results.add(pass.mayHold.test(r.body()) ? r : new BodyResult(r.body(), List.of(), Set.of(), Summary.EMPTY));
        }
        ProjectFacts facts = new ProjectFacts(pass.index, pass.resolver, pass.summaries, files, results, pass.mayHold);
        pass.facts = facts;
        if (System.getProperty(ACQUISITIONS_PROPERTY) != null) printAcquisitions(results);
        Sink sink = new Sink();
        List<StaticCheck> together = new ArrayList<>();
        List<StaticCheck> others = new ArrayList<>();
        for (StaticCheck c : Checks.all()) {
            if (rules == null || rules.contains(c.ruleId())) (Checks.sharesTreeMemos(c) ? together : others).add(c);
        }
        // two threads: the checks sharing memos on the trees in order on one, the others beside them
        ExecutorService pool = Workers.pool(1, "lockcheck-checks", STACK_BYTES);
        try {
            Future<?> first = jobs > 1 ? pool.submit(() -> together.forEach(c -> c.check(facts, sink))) : null;
            if (first == null) together.forEach(c -> c.check(facts, sink));
            others.forEach(c -> c.check(facts, sink));
            if (first != null) first.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException("check failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<Finding> out = new ArrayList<>(sink.findings.values());
        out.sort(Comparator.comparing((Finding f) -> f.location().file())
                .thenComparingInt(f -> f.location().line())
                .thenComparingInt(f -> f.location().column())
                .thenComparing(Finding::ruleId));
        return out;
    }

    /**
     * Hidden, for measuring the engine's reach on a tree ({@code -Dlockcheck.acquisitions}): the
     * acquisitions the flow saw, per lock and mode, as direct ones (the operation in the body) and
     * ones reached through a call, printed to stderr. Not part of any report.
     */
    static final String ACQUISITIONS_PROPERTY = "lockcheck.acquisitions";

    private static void printAcquisitions(List<BodyResult> results) {
        java.util.TreeMap<String, int[]> counts = new java.util.TreeMap<>();
        for (BodyResult r : results) {
            for (Obs o : r.obs()) {
                if (o instanceof Obs.Acquire a) counts.computeIfAbsent(a.ref().id().qualified() + " " + a.ref().mode(), k -> new int[2])[a.direct() ? 0 : 1]++;
            }
        }
        int direct = 0;
        int through = 0;
        StringBuilder out = new StringBuilder("acquisitions seen (direct, through a call) per lock and mode:\n");
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            direct += e.getValue()[0];
            through += e.getValue()[1];
            out.append(e.getValue()[0]).append('\t').append(e.getValue()[1]).append('\t').append(e.getKey()).append('\n');
        }
        out.append(direct).append('\t').append(through).append("\ttotal\n");
        java.util.TreeMap<String, int[]> sites = new java.util.TreeMap<>();
        for (String site : BodyAnalyzer.HOLD_SITES) {
            String[] parts = site.split("\\|");
            sites.computeIfAbsent(parts[1], k -> new int[2])[parts[2].equals("direct") ? 0 : 1]++;
        }
        out.append("sites where the flow starts holding a lock (direct, through a call that returns holding it):\n");
        for (Map.Entry<String, int[]> e : sites.entrySet()) {
            out.append(e.getValue()[0]).append('\t').append(e.getValue()[1]).append('\t').append(e.getKey()).append('\n');
        }
        System.err.print(out);
    }

    /** Every method, constructor, initialiser and lambda body of the sources (anonymous and local classes included). */
    private static List<Body> bodies(ProjectIndex index) {
        List<Body> out = new ArrayList<>();
        // a type's and a lambda's bodies are the same in every pass of a scan: made once
        for (TypeInfo t : index.types()) out.addAll(index.bodies.computeIfAbsent(t, k -> bodiesOf(t)));
        for (ProjectIndex.LambdaInfo li : index.lambdas()) {
            out.addAll(index.bodies.computeIfAbsent(li.lambda(), k -> List.of(bodyOf(index, li))));
        }
        return out;
    }

    private static List<Body> bodiesOf(TypeInfo t) {
        List<Body> out = new ArrayList<>();
        for (List<MethodInfo> ms : t.methodsView().values()) {
            for (MethodInfo m : ms) if (m.body != null) out.add(Summaries.bodyOf(m));
        }
        for (Node member : t.node.getChildNodes()) {
            if (member instanceof InitializerDeclaration id) {
                out.add(new Body(id, id.getBody(), t.file, t, null, t.simpleName + ".<init>"));
            }
        }
        return List.copyOf(out);
    }

    private static Body bodyOf(ProjectIndex index, ProjectIndex.LambdaInfo li) {
        LambdaExpr le = li.lambda();
        TypeInfo owner = index.enclosingType(le);
        Node code = le.getBody() instanceof ExpressionStmt es ? es.getExpression() : le.getBody();
        return new Body(le, code, li.file(), owner, null,
                (owner == null ? "" : owner.simpleName) + "." + enclosingName(le) + "$lambda@" + BodyAnalyzer.line(le));
    }

    private static String enclosingName(Node n) {
        for (Node p = Trees.parent(n); p != null; p = Trees.parent(p)) {
            if (p instanceof com.github.javaparser.ast.body.CallableDeclaration<?> cd) return cd.getNameAsString();
        }
        return "init";
    }

    private List<BodyResult> analyse(List<Body> bodies, Summaries summaries, Resolver resolver,
                                     java.util.function.Predicate<Body> walk) {
        ExecutorService pool = Workers.pool(jobs, "lockcheck-analyse", STACK_BYTES);
        try {
            List<Future<BodyResult>> fs = new ArrayList<>(bodies.size());
            for (Body b : bodies) {
                fs.add(pool.submit(() -> {
                    try {
                        if (!walk.test(b)) return new BodyResult(b, List.of(), Set.of(), Summary.EMPTY);
                        return b.method() != null ? summaries.result(b.method()) : new BodyAnalyzer(resolver, summaries, b).run();
                    } catch (RuntimeException | StackOverflowError e) {
                        errors.add(new FileError(b.file().source().relPath(),
                                "analysis of " + b.name() + " failed (" + e + "); the rest of the file was analysed"));
                        return null;
                    }
                }));
            }
            List<BodyResult> out = new ArrayList<>(bodies.size());
            for (Future<BodyResult> f : fs) {
                BodyResult r = f.get();
                if (r != null) out.add(r);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("analysis failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static final int LOCKS = ParsedFile.Nodes.LOCKS;
    private static final int RESOURCES = ParsedFile.Nodes.RESOURCES;
    private static final int CALLBACKS = ParsedFile.Nodes.CALLBACKS;

    /** A call given a lambda, a method reference or an anonymous class as an argument. */
    static boolean givesCallback(com.github.javaparser.ast.expr.MethodCallExpr mc) {
        for (com.github.javaparser.ast.expr.Expression a : mc.getArguments()) {
            if (a instanceof LambdaExpr || a instanceof com.github.javaparser.ast.expr.MethodReferenceExpr
                    || a instanceof com.github.javaparser.ast.expr.ObjectCreationExpr oce && oce.getAnonymousClassBody().isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link #LOCKS}, {@link #RESOURCES} and {@link #CALLBACKS} of a body, from its syntax alone.
     * LOCKS: it calls something named like a lock operation or a lock helper (lock, unlock,
     * tryLock, readLock, acquire..., any name containing "lock"), synchronizes, or locks a map's bin.
     * Only such bodies can carry a finding of the lock rules; every other body is analysed only if
     * and when a caller needs its summary, unless {@link MayHold} (which reads summaries) finds it
     * opens a lock handle or gives a callback to a method that runs it under a lock.
     */
    private static int syntax(Body b) {
        if (b.owner() instanceof com.github.javaparser.ast.body.MethodDeclaration md && md.isSynchronized()) return LOCKS;
        // marked on the file's nodes in the walk that made its outline (ParsedFile), on the parsing thread
        return b.file().nodes().syntax(b.code());
    }

    /** A lock operation by its syntax: {@code synchronized}, a call named like a lock operation or a helper running a lambda under a lock. */
    static boolean isLockOperation(Node n) {
        return n instanceof com.github.javaparser.ast.stmt.SynchronizedStmt
                || n instanceof com.github.javaparser.ast.expr.MethodCallExpr mc
                && (lockish(mc.getNameAsString()) || runsUnderLock(mc));
    }

    /** {@link #isLockOperation}, or a {@link #locksABin} call in a file that names a concurrent map type. */
    static boolean isLockOperation(Node n, boolean concurrentMaps) {
        return isLockOperation(n) || concurrentMaps && n instanceof com.github.javaparser.ast.expr.MethodCallExpr mc && locksABin(mc);
    }

    /** Whether a file's text names the map types whose compute* and merge calls lock a bin ({@link BodyAnalyzer#BIN_LOCKING}). */
    static boolean namesConcurrentMap(String text) {
        return text.contains("ConcurrentHashMap") || text.contains("ConcurrentMap");
    }

    /**
     * {@code map.compute*(k, fn)} / {@code merge(k, v, fn)} given a function: on a ConcurrentHashMap
     * the function runs holding the key's bin (BodyAnalyzer.binLock tells the map's type).
     */
    static boolean locksABin(com.github.javaparser.ast.expr.MethodCallExpr mc) {
        if (!BodyAnalyzer.BIN_LOCKING.contains(mc.getNameAsString())) return false;
        for (com.github.javaparser.ast.expr.Expression a : mc.getArguments()) {
            if (a instanceof LambdaExpr || a instanceof com.github.javaparser.ast.expr.MethodReferenceExpr) return true;
        }
        return false;
    }

    /**
     * Per pass: whether a body can hold a lock itself. {@link #syntax} says LOCKS, or a
     * try-with-resources whose resource may open a lock handle ({@code try (Unlock u = reading())}):
     * a call in a resource's initialiser to a method of the sources that returns holding a lock,
     * or a resource that is a variable opened before ({@code try (h)}). Walking every body with a
     * try-with-resources (streams, readers, channels) and summarising everything they call cost a
     * fifth of a scan of apache/kafka and found nothing: such a body holds nothing, so its walk
     * records nothing for the checks. Remembered per body; a function of the pass's published
     * summaries, so of the parsed files alone.
     */
    static final class MayHold implements java.util.function.Predicate<Body> {
        private final Resolver resolver;
        private final Summaries summaries;
        /** By node identity: JavaParser's Node.equals and hashCode compare structure. */
        private final Map<Node, Boolean> opens = java.util.Collections.synchronizedMap(new IdentityHashMap<>());

        MayHold(Resolver resolver, Summaries summaries) {
            this.resolver = resolver;
            this.summaries = summaries;
        }

        @Override
        public boolean test(Body b) {
            int bits = syntax(b);
            if ((bits & LOCKS) != 0) return true;
            if ((bits & (RESOURCES | CALLBACKS)) == 0) return false;
            Boolean memo = opens.get(b.code());
            if (memo != null) return memo;
            boolean v = (bits & RESOURCES) != 0 && opensHandle(b.code()) || (bits & CALLBACKS) != 0 && runsCallbackUnderLock(b.code());
            opens.putIfAbsent(b.code(), v);
            return v;
        }

        /**
         * A call here gives a callback (lambda, method reference, anonymous class) to a method of
         * the sources that runs that argument while holding a lock ({@code template.execute(new
         * TxCallback<>() {...})}, {@code service.inTransaction(() -> ...)}), whatever the method's
         * name: the callback's code runs under the lock, walked here.
         */
        private boolean runsCallbackUnderLock(Node code) {
            for (com.github.javaparser.ast.expr.MethodCallExpr mc : Trees.findAll(code, com.github.javaparser.ast.expr.MethodCallExpr.class, Analyzer::givesCallback)) {
                for (MethodInfo m : resolver.resolveCall(mc)) {
                    // a method that runs its callback under a lock takes one itself: the summaries
                    // of the many lock-free methods given lambdas are not computed for this question
                    if (m.body == null || (m.owner.file.nodes().syntax(m.body) & LOCKS) == 0) continue;
                    for (Obs o : summaries.of(m).events()) {
                        if (o instanceof Obs.Invoke inv && !inv.held().isEmpty() && inv.param() < mc.getArguments().size()) return true;
                    }
                }
            }
            return false;
        }

        private boolean opensHandle(Node code) {
            for (com.github.javaparser.ast.stmt.TryStmt ts : Trees.findAll(code, com.github.javaparser.ast.stmt.TryStmt.class)) {
                for (com.github.javaparser.ast.expr.Expression r : ts.getResources()) {
                    if (!(r instanceof com.github.javaparser.ast.expr.VariableDeclarationExpr vde)) return true;
                    for (com.github.javaparser.ast.body.VariableDeclarator v : vde.getVariables()) {
                        if (v.getInitializer().isEmpty()) continue;
                        for (com.github.javaparser.ast.expr.MethodCallExpr mc : Trees.findAll(v.getInitializer().get(), com.github.javaparser.ast.expr.MethodCallExpr.class)) {
                            for (MethodInfo m : resolver.resolveCall(mc)) {
                                if (m.body != null && !summaries.of(m).exitHeld().isEmpty()) return true;
                            }
                        }
                    }
                }
            }
            return false;
        }
    }

    private static boolean lockish(String name) {
        // asked of every call of every parsed file: no lower-cased copy of each name
        return containsIgnoreCase(name, "lock") || containsIgnoreCase(name, "acquire");
    }

    /** Whether {@code s} contains {@code lower} (ASCII lower case) in any case. */
    private static boolean containsIgnoreCase(String s, String lower) {
        for (int i = 0, last = s.length() - lower.length(); i <= last; i++) {
            if (s.regionMatches(true, i, lower, 0, lower.length())) return true;
        }
        return false;
    }

    /**
     * Names of helpers that run a lambda or a method reference under a lock: {@code withRead(() -> ...)},
     * {@code underWriteLock(...)}, {@code withRead(this::load)}.
     */
    private static boolean runsUnderLock(com.github.javaparser.ast.expr.MethodCallExpr mc) {
        if (mc.getArguments().stream().noneMatch(a -> a instanceof LambdaExpr
                || a instanceof com.github.javaparser.ast.expr.MethodReferenceExpr)) return false;
        String n = mc.getNameAsString().toLowerCase(java.util.Locale.ROOT);
        return n.contains("read") || n.contains("write") || n.contains("guard") || n.contains("exclusive")
                || n.contains("shared") || n.contains("critical") || n.startsWith("with") || n.startsWith("under");
    }

    /** Which call of a trace was guessed, for the message of a finding it made a warning. */
    static String guessedNote(TraceStep step) {
        String note = step.note();
        int at = note.indexOf("calls ");
        String callee = at >= 0 ? note.substring(at + 6) : note;
        String file = step.file().substring(step.file().lastIndexOf('/') + 1);
        return "(A warning, not an error: the call to " + callee + " at " + file + ":" + step.line()
                + " was guessed; several methods of the sources could run there.)";
    }

    /** Turns check reports into findings: location, suppression, fingerprint, one per location, rule and lock. */
    private static final class Sink implements FindingSink {
        private final Map<String, Finding> findings = new LinkedHashMap<>();
        private final Map<ParsedFile, String[]> lines = new IdentityHashMap<>();
        private final Map<String, Integer> fingerprintCounts = new HashMap<>();

        @Override
        public synchronized void report(String ruleId, Severity severity, Body body, Node primary, String message,
                                        LockId lock, List<TraceStep> trace, String identity) {
            String file = body.file().source().relPath();
            // a call spanning lines (a chain, a lambda argument) is reported where its name is:
            // `}).join()` is the wait, not `CompletableFuture.runAsync(() -> {` three lines above
            com.github.javaparser.Position at = primary.getBegin().orElse(null);
            if (primary instanceof com.github.javaparser.ast.expr.MethodCallExpr mc && at != null
                    && mc.getName().getBegin().isPresent() && mc.getName().getBegin().get().line != at.line) {
                at = mc.getName().getBegin().get();
            }
            int line = at == null ? 0 : at.line;
            int col = at == null ? 0 : at.column;
            // one finding per rule, place and lock: another lock reached through the same call (an edge
            // found only when more files are parsed) must not displace this one
            String key = ruleId + "|" + file + "|" + line + "|" + col + "|" + (lock == null ? "" : lock.qualified());
            if (findings.containsKey(key)) return;
            TraceStep guessed = trace == null ? null : trace.stream().filter(TraceStep::guessed).findFirst().orElse(null);
            if (guessed != null && severity == Severity.ERROR) {
                // a finding that needs a call with several possible targets is at most a warning
                severity = Severity.WARNING;
                message = message + " " + guessedNote(guessed);
            }
            String[] text = lines.computeIfAbsent(body.file(), ParsedFile::lines);
            Finding f = Finding.of(ruleId, severity, message, new Location(file, line, col),
                    lock == null ? null : lock.qualified(), trace);
            String fp = identity != null ? Fingerprints.of(ruleId, "", "", lock == null ? "" : lock.qualified(), identity)
                    : Fingerprints.of(ruleId, file, body.name(), lock == null ? "" : lock.qualified(), primary.toString());
            int k = fingerprintCounts.merge(fp, 1, Integer::sum);
            f = f.withFingerprint(k == 1 ? fp : fp + "-" + k);
            String how = Suppressions.find(ruleId, primary, text, line);
            if (how != null) f = f.suppressed(how);
            findings.put(key, f);
        }
    }

}
