package dev.lockcheck.analysis;

import dev.lockcheck.model.LockMode;
import dev.lockcheck.report.TraceStep;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Everything the checks read: the project, and the facts of every body. */
public final class ProjectFacts {
    private final ProjectIndex index;
    private final Resolver resolver;
    private final List<ParsedFile> files;
    private final List<BodyResult> bodies;
    private final Map<LockId, TraceStep> writeSites = new HashMap<>();

    private final Summaries summaries;

    private final java.util.function.Predicate<Body> mayHold;

    ProjectFacts(ProjectIndex index, Resolver resolver, Summaries summaries, List<ParsedFile> files, List<BodyResult> bodies,
                 java.util.function.Predicate<Body> mayHold) {
        this.mayHold = mayHold;
        this.index = index;
        this.resolver = resolver;
        this.summaries = summaries;
        this.files = files;
        this.bodies = bodies;
        // a lock's own acquisitions first; then the calls that take it through a helper given it
        // (LockUtil.acquireWrite(lock)), the one place a parameter's lock is named
        for (boolean direct : new boolean[] {true, false}) {
            for (BodyResult b : bodies) {
                for (Obs o : b.obs()) {
                    if (o instanceof Obs.Acquire a && a.direct() == direct
                            && (a.ref().mode() == LockMode.WRITE || a.ref().mode() == LockMode.STAMP_WRITE)) {
                        writeSites.putIfAbsent(a.ref().id(), a.via().get(0));
                    }
                }
            }
        }
    }

    public ProjectIndex index() {
        return index;
    }

    public Resolver resolver() {
        return resolver;
    }

    public List<ParsedFile> files() {
        return files;
    }

    public List<BodyResult> bodies() {
        return bodies;
    }

    /**
     * Whether {@code m} has callers in the sources and every one of them holds {@code ref} where it
     * calls: then an acquisition of {@code ref} in {@code m} guarded by the lock's own hold count
     * ({@code if (rw.getReadHoldCount() > 0) return}) never runs. A caller that does not hold it
     * records the guarded acquisition at its call (BodyAnalyzer); a caller whose body cannot lock
     * holds nothing.
     */
    public boolean everyCallerHolds(ProjectIndex.MethodInfo m, LockRef ref) {
        int callers = 0;
        for (com.github.javaparser.ast.expr.MethodCallExpr mc : callsNamed(m.name)) {
            if (!m.accepts(mc.getArguments().size()) || !resolver.resolveCall(mc).contains(m)) continue;
            callers++;
            BodyResult caller = bodyAround(mc);
            if (caller == null || !mayHold.test(caller.body())) return false;
            for (Obs o : caller.obs()) {
                if (o instanceof Obs.Acquire a && a.node() == mc && a.ref().equals(ref)) return false;
            }
        }
        if (callers == 0) asked(m);
        return callers > 0;
    }

    /** A method whose callers were looked for: its name, and its class's own and super types' simple names. */
    public record CallerQuestion(String method, java.util.Set<String> types) {
    }

    private final java.util.Set<CallerQuestion> callersAsked = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * For the prefilter: the files naming {@code method} and one of {@code types} may hold code a
     * check needs (LC001's counterparts of a handoff: the takers of a queue, the code counting a
     * latch down): parsed in another round, and the checks asked again.
     */
    public void askFiles(String method, java.util.Set<String> types) {
        callersAsked.add(new CallerQuestion(method, java.util.Set.copyOf(types)));
    }

    /** {@link #askFiles} for the callers of a method: its name, with its class and supertypes. */
    public void askCallersOf(ProjectIndex.MethodInfo m) {
        asked(m);
    }

    private void asked(ProjectIndex.MethodInfo m) {
        CallerQuestion q = callersOf(index, m);
        if (q != null) callersAsked.add(q);
    }

    /** The question for the callers of {@code m}: its name, with its class and supertypes; null for a constructor. */
    static CallerQuestion callersOf(ProjectIndex index, ProjectIndex.MethodInfo m) {
        // a constructor is never the target of a method call: no file can add a caller
        if (m.decl instanceof com.github.javaparser.ast.body.ConstructorDeclaration) return null;
        java.util.Set<String> types = new java.util.TreeSet<>(index.selfAndSupers(m.owner.simpleName));
        types.add(m.owner.simpleName);
        types.addAll(m.owner.superNames);
        return new CallerQuestion(m.name, java.util.Set.copyOf(types));
    }

    /**
     * The names of the methods where a question about every caller ({@link #everyCallerHolds},
     * {@link #callersHoldOnEntry}) found no caller and so answered "no": with more files parsed
     * (a scan without the prefilter) callers may appear that all hold the lock, and the answer
     * turn to "yes", dropping a finding. The prefilter parses the files naming these methods and
     * asks again, so that both scans answer alike. A "no" from a caller not holding the lock, or a
     * "yes", cannot turn that way: more callers only add ways to not hold it.
     */
    public java.util.Set<CallerQuestion> callersAsked() {
        return java.util.Set.copyOf(callersAsked);
    }

    /** Depth of the caller chain {@link #callersHoldOnEntry} follows through callers that hold nothing. */
    private static final int CALLER_DEPTH = 4;

    private final Map<String, Boolean> holdOnEntry = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether the lock {@code id} (any mode, lock class as everywhere in the checks) is held on
     * every entry to {@code m} from the sources: {@code m} has callers, none reaches it through a
     * method reference, and at every call either the caller holds the lock or, up to a few levels,
     * every caller of the caller does. Then an acquisition of {@code id} inside {@code m} is a
     * re-entry: it orders nothing new against the locks {@code m} takes first. "Every caller in
     * the sources": code outside the scanned tree is not seen.
     */
    public boolean callersHoldOnEntry(ProjectIndex.MethodInfo m, LockId id) {
        String key = m.owner.qualifiedName + "#" + m.name + "#" + m.paramTypes + "|" + id.qualified();
        Boolean memo = holdOnEntry.get(key);
        if (memo != null) return memo;
        boolean v = callersHold(m, id, 0, new java.util.HashSet<>());
        holdOnEntry.putIfAbsent(key, v);
        return v;
    }

    private boolean callersHold(ProjectIndex.MethodInfo m, LockId id, int depth, java.util.Set<ProjectIndex.MethodInfo> open) {
        if (depth > CALLER_DEPTH || !open.add(m)) return false;
        try {
            if (assertsHeld(m, id)) return true;
            int callers = 0;
            if (referenced(m.name)) return false; // called from wherever the reference goes: callers unknown
            for (com.github.javaparser.ast.expr.MethodCallExpr mc : callsNamed(m.name)) {
                if (!m.accepts(mc.getArguments().size()) || !resolver.resolveCall(mc).contains(m)) continue;
                callers++;
                BodyResult caller = bodyAround(mc);
                if (caller == null) return false;
                if (holdsAt(caller, mc, id)) continue;
                ProjectIndex.MethodInfo up = caller.body().method();
                if (up == null || !callersHold(up, id, depth + 1, open)) return false;
            }
            if (callers == 0) asked(m);
            return callers > 0;
        } finally {
            open.remove(m);
        }
    }

    /**
     * Whether {@code m} states, by an {@code assert} among its first statements, that its caller
     * holds {@code id}: {@code assert namesystem.hasWriteLock();} where {@code hasWriteLock()}
     * returns {@code fsLock.isWriteLockedByCurrentThread()} and that returns the lock's own test.
     * The assertion runs only with {@code -ea}, but it is the method's contract: its callers hold
     * the lock, or the tests that run with assertions fail.
     */
    private boolean assertsHeld(ProjectIndex.MethodInfo m, LockId id) {
        if (m.body == null) return false;
        for (com.github.javaparser.ast.stmt.Statement st : m.body.getStatements()) {
            if (!(st instanceof com.github.javaparser.ast.stmt.AssertStmt as)) break;
            if (heldTest(as.getCheck(), id, 0)) return true;
        }
        return false;
    }

    private static final java.util.Set<String> HELD_TESTS = java.util.Set.of(
            "hasWriteLock", "hasReadLock", "isWriteLockedByCurrentThread", "isHeldByCurrentThread", "getReadHoldCount",
            "getWriteHoldCount", "getHoldCount", "hasReadOrWriteLock");

    /** Whether {@code e} is true only while this thread holds {@code id} (some mode), as far as the sources tell. */
    private boolean heldTest(com.github.javaparser.ast.expr.Expression e, LockId id, int depth) {
        if (depth > 4) return false;
        com.github.javaparser.ast.expr.Expression x = BodyAnalyzer.strip(e);
        if (x instanceof com.github.javaparser.ast.expr.BinaryExpr be) {
            return switch (be.getOperator()) {
                case OR -> heldTest(be.getLeft(), id, depth + 1) && heldTest(be.getRight(), id, depth + 1);
                case AND -> heldTest(be.getLeft(), id, depth + 1) || heldTest(be.getRight(), id, depth + 1);
                case GREATER -> heldTest(be.getLeft(), id, depth + 1);
                default -> false;
            };
        }
        if (!(x instanceof com.github.javaparser.ast.expr.MethodCallExpr mc) || !HELD_TESTS.contains(mc.getNameAsString())) return false;
        if (mc.getScope().isPresent()) {
            LockVal v = resolver.lockOf(mc.getScope().get());
            LockId own = v instanceof LockVal.Obj o ? o.id() : v instanceof LockVal.View view ? view.ref().id() : null;
            if (own != null) return own.equals(id);
        }
        List<ProjectIndex.MethodInfo> targets = resolver.resolveCall(mc);
        if (targets.isEmpty()) return false;
        for (ProjectIndex.MethodInfo t : targets) {
            if (t.body == null || t.body.getStatements().size() != 1
                    || !(t.body.getStatement(0) instanceof com.github.javaparser.ast.stmt.ReturnStmt rs)
                    || rs.getExpression().isEmpty() || !heldTest(rs.getExpression().get(), id, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    /*
     * The calls of the sources by method name, and whether a method reference names a method:
     * looked up per name asked in each file's calls by name, found in the walk that made its
     * outline (a walk of every tree for every name asked cost more than the questions it answered).
     */
    private final Map<String, List<com.github.javaparser.ast.expr.MethodCallExpr>> calls = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Boolean> references = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every call of a method of this name in the sources, in file order and, within a file, in pre-order. */
    public List<com.github.javaparser.ast.expr.MethodCallExpr> callsNamed(String name) {
        List<com.github.javaparser.ast.expr.MethodCallExpr> known = calls.get(name);
        if (known != null) return known;
        List<com.github.javaparser.ast.expr.MethodCallExpr> out = new java.util.ArrayList<>();
        for (ParsedFile f : files) out.addAll(f.nodes().callsNamed(name));
        List<com.github.javaparser.ast.expr.MethodCallExpr> v = List.copyOf(out);
        calls.putIfAbsent(name, v);
        return v;
    }

    /** Whether a method reference of the sources names a method of this name ({@code x::name}). */
    public boolean referenced(String name) {
        Boolean known = references.get(name);
        if (known != null) return known;
        boolean v = false;
        for (ParsedFile f : files) {
            if (f.nodes().references(name)) {
                v = true;
                break;
            }
        }
        references.putIfAbsent(name, v);
        return v;
    }

    /** Whether {@code text} has {@code word} with no identifier character on either side. */
    static boolean namesWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isJavaIdentifierPart(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the body holds {@code id} at the call {@code mc} (its acquisitions through the call were recorded with what it held). */
    private static boolean holdsAt(BodyResult caller, com.github.javaparser.ast.Node mc, LockId id) {
        for (Obs o : caller.obs()) {
            if (o.node() != mc) continue;
            for (Held h : o.held()) if (h.ref().id().equals(id)) return true;
        }
        return false;
    }

    private Map<com.github.javaparser.ast.Node, BodyResult> byOwner;

    /** The body a node is in: the closest enclosing method, constructor, initialiser or lambda. */
    public synchronized BodyResult bodyAround(com.github.javaparser.ast.Node n) {
        if (byOwner == null) {
            byOwner = new java.util.IdentityHashMap<>();
            for (BodyResult b : bodies) byOwner.put(b.body().owner(), b);
        }
        for (com.github.javaparser.ast.Node p = Trees.parent(n); p != null; p = Trees.parent(p)) {
            BodyResult b = byOwner.get(p);
            if (b != null) return b;
        }
        return null;
    }

    /** Whether the lock is write-acquired (any form, including try and stamp conversion) anywhere in the sources. */
    public boolean isWriteAcquired(LockId id) {
        return writeSites.containsKey(id);
    }

    /**
     * What a task handed to an executor or a thread does to locks: a lambda (analysed now), a
     * method reference, a {@code new} of a Runnable/Callable class of the sources (its run/call),
     * an anonymous one. Null when the task is none of these.
     */
    public Summary taskSummary(com.github.javaparser.ast.expr.Expression task) {
        com.github.javaparser.ast.expr.Expression t = task;
        while (t instanceof com.github.javaparser.ast.expr.EnclosedExpr en) t = en.getInner();
        if (t instanceof com.github.javaparser.ast.expr.LambdaExpr le) {
            ProjectIndex.TypeInfo owner = index.enclosingType(le);
            com.github.javaparser.ast.Node code = le.getBody() instanceof com.github.javaparser.ast.stmt.ExpressionStmt es
                    ? es.getExpression() : le.getBody();
            ParsedFile file = owner == null ? null : owner.file;
            if (file == null) return null;
            return new BodyAnalyzer(resolver, summaries, new Body(le, code, file, owner, null, "task")).run().summary();
        }
        if (t instanceof com.github.javaparser.ast.expr.MethodReferenceExpr mr) {
            ProjectIndex.TypeInfo target = resolver.referenceTarget(mr);
            return target == null ? null : merged(target.methods(mr.getIdentifier()));
        }
        if (t instanceof com.github.javaparser.ast.expr.ObjectCreationExpr oce) {
            ProjectIndex.TypeInfo type = oce.getAnonymousClassBody().isPresent() ? index.typeOfNode(oce)
                    : index.firstBySimpleName(ProjectIndex.simple(oce.getType()), null);
            if (type == null) return null;
            List<ProjectIndex.MethodInfo> entry = new java.util.ArrayList<>(type.methods("run"));
            entry.addAll(type.methods("call"));
            entry.addAll(type.methods("get"));
            return merged(entry);
        }
        return null;
    }

    private Summary merged(List<ProjectIndex.MethodInfo> methods) {
        List<Obs> events = new java.util.ArrayList<>();
        for (ProjectIndex.MethodInfo m : methods) if (m.body != null) events.addAll(summaries.of(m).events());
        return events.isEmpty() && methods.stream().allMatch(m -> m.body == null) ? null
                : new Summary(events, List.of(), java.util.Set.of(), java.util.Set.of());
    }

    /** Every {@code new T(...)} of a type of this simple name in the sources, in file and source order. */
    public List<com.github.javaparser.ast.expr.ObjectCreationExpr> creationsOf(String type) {
        List<com.github.javaparser.ast.expr.ObjectCreationExpr> known = creations.get(type);
        if (known != null) return known;
        List<com.github.javaparser.ast.expr.ObjectCreationExpr> out = new java.util.ArrayList<>();
        for (ParsedFile f : files) out.addAll(f.nodes().creationsOf(type));
        List<com.github.javaparser.ast.expr.ObjectCreationExpr> v = List.copyOf(out);
        creations.putIfAbsent(type, v);
        return v;
    }

    private final Map<String, List<com.github.javaparser.ast.expr.ObjectCreationExpr>> creations = new java.util.concurrent.ConcurrentHashMap<>();

    /** What a method of the sources does to locks (its published summary). */
    public Summary summaryOf(ProjectIndex.MethodInfo m) {
        return summaries.of(m);
    }

    /** One place where the lock is write-acquired, or null. */
    public TraceStep writeSite(LockId id) {
        return writeSites.get(id);
    }
}
