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

    ProjectFacts(ProjectIndex index, Resolver resolver, Summaries summaries, List<ParsedFile> files, List<BodyResult> bodies) {
        this.index = index;
        this.resolver = resolver;
        this.summaries = summaries;
        this.files = files;
        this.bodies = bodies;
        for (BodyResult b : bodies) {
            for (Obs o : b.obs()) {
                if (o instanceof Obs.Acquire a && a.direct()
                        && (a.ref().mode() == LockMode.WRITE || a.ref().mode() == LockMode.STAMP_WRITE)) {
                    writeSites.putIfAbsent(a.ref().id(), a.via().get(0));
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
        for (ParsedFile f : files) {
            for (com.github.javaparser.ast.expr.MethodCallExpr mc : f.unit().findAll(com.github.javaparser.ast.expr.MethodCallExpr.class,
                    c -> c.getNameAsString().equals(m.name) && m.accepts(c.getArguments().size()))) {
                if (!resolver.resolveCall(mc).contains(m)) continue;
                callers++;
                BodyResult caller = bodyAround(mc);
                if (caller == null || !Analyzer.mayLock(caller.body())) return false;
                for (Obs o : caller.obs()) {
                    if (o instanceof Obs.Acquire a && a.node() == mc && a.ref().equals(ref)) return false;
                }
            }
        }
        return callers > 0;
    }

    private Map<com.github.javaparser.ast.Node, BodyResult> byOwner;

    /** The body a node is in: the closest enclosing method, constructor, initialiser or lambda. */
    private synchronized BodyResult bodyAround(com.github.javaparser.ast.Node n) {
        if (byOwner == null) {
            byOwner = new java.util.IdentityHashMap<>();
            for (BodyResult b : bodies) byOwner.put(b.body().owner(), b);
        }
        for (com.github.javaparser.ast.Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
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
            ProjectIndex.TypeInfo target = mr.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr
                    ? index.enclosingType(mr)
                    : mr.getScope() instanceof com.github.javaparser.ast.expr.TypeExpr te
                    ? index.firstBySimpleName(ProjectIndex.simple(te.getType()), null)
                    : resolver.typeInfoOf(mr.getScope());
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

    /** One place where the lock is write-acquired, or null. */
    public TraceStep writeSite(LockId id) {
        return writeSites.get(id);
    }
}
