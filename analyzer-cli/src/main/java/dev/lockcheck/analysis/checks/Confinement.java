package dev.lockcheck.analysis.checks;

import dev.lockcheck.analysis.Trees;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.lockcheck.analysis.BodyResult;
import dev.lockcheck.analysis.Held;
import dev.lockcheck.analysis.LockId;
import dev.lockcheck.analysis.ProjectFacts;
import dev.lockcheck.analysis.ProjectIndex.FieldInfo;
import dev.lockcheck.analysis.ProjectIndex.MethodInfo;
import dev.lockcheck.analysis.ProjectIndex.TypeInfo;
import dev.lockcheck.analysis.Resolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LC007's confinement proof: the outer lock of an order edge belongs to an object that, on every
 * path of the sources to the edge, is still confined to the thread that created it. While a thread
 * holds the monitor (or a lock field) of an object no other thread can reach, no other thread can
 * wait for that lock: the edge cannot be half of a deadlock (a plan being built before it runs:
 * cassandra's {@code new StreamPlan(...).transferStreams(...)} before {@code execute()}).
 *
 * <p>Every caller of the edge's method (a few levels up, no method reference, at least one caller)
 * reaches it through {@code this}/owned-field receivers (a final field assigned {@code new T(...)}
 * once) from a call on a fresh local ({@code C x = new C(...)}, optionally followed by calls
 * returning {@code this}) or from the object's own constructor; and before each of those calls
 * nothing lets the object out: no passing it as an argument, storing it, returning it, capturing
 * it in a lambda or an anonymous, local or inner class, nor calling on it a method that is not in
 * the sources or does not keep {@code this} (and its owned fields) to itself, recursively.
 *
 * <p>Two grades: the callers' part proven ({@link Grade#CALLERS}) and, on top of it, the edge's own
 * method proven to keep the object to itself up to the inner acquisition ({@link Grade#COMPLETE}).
 * Only a complete proof drops the edge; the callers' part alone makes it a warning.
 */
final class Confinement {
    enum Grade { NONE, CALLERS, COMPLETE }

    /** The grade, and where the object is created (for the warning's words). */
    record Proof(Grade grade, String creator, String gap) {
        static final Proof NONE = new Proof(Grade.NONE, null, null);
    }

    /** Caller levels followed through {@code this}/owned-field receivers. */
    private static final int CALLER_DEPTH = 4;
    /** Levels of calls followed to tell that a method keeps {@code this} to itself. */
    private static final int KEEP_DEPTH = 6;

    private final ProjectFacts project;
    private final Resolver resolver;
    private final Map<MethodInfo, Boolean> keeps = new HashMap<>();
    private final Map<TypeInfo, Boolean> constructions = new HashMap<>();
    private final Map<MethodInfo, String> entries = new HashMap<>();
    private final Map<TypeInfo, Set<String>> tracked = new HashMap<>();

    private static final boolean DEBUG = Boolean.getBoolean("lockcheck.debug.confinement");

    private static <T> T no(String why, Node at) {
        if (DEBUG) System.err.println("confinement: " + why + " at " + at.getBegin().map(p -> p.line).orElse(0) + ": " + at.toString().lines().findFirst().orElse(""));
        return null;
    }

    Confinement(ProjectFacts project) {
        this.project = project;
        this.resolver = project.resolver();
    }

    /** How far the sources prove the outer lock of the edge {@code outer} → {@code inner} confined. */
    Proof of(BodyResult body, Held outer, Node inner) {
        MethodInfo m = body.body().method();
        if (m == null || !(m.decl instanceof MethodDeclaration md) || md.isStatic() || m.body == null) return Proof.NONE;
        if (!"this".equals(outer.instance()) || !ownLock(m.owner, outer.ref().id())) return Proof.NONE;
        String creator = confinedOnEntry(m, 0, new HashSet<>());
        if (creator == null) return Proof.NONE;
        String gap = escapeBefore(m, inner);
        return gap == null ? new Proof(Grade.COMPLETE, creator, null) : new Proof(Grade.CALLERS, creator, gap);
    }

    /** The monitor of {@code this}, or a final field of {@code this} assigned {@code new ...} once (not shared with other objects). */
    private boolean ownLock(TypeInfo owner, LockId id) {
        if (id.name().equals("this")) return project.index().selfAndSupers(owner.simpleName).contains(id.ownerName());
        FieldInfo f = resolver.fieldIn(owner, id.name());
        return f != null && owned(f);
    }

    /** A final instance field whose only value is a {@code new T(...)} (no anonymous body). */
    private static boolean owned(FieldInfo f) {
        if (f.isStatic || !(Trees.parent(f.decl) instanceof FieldDeclaration fd) || !fd.isFinal()) return false;
        return f.singleValue() instanceof ObjectCreationExpr oce && oce.getAnonymousClassBody().isEmpty();
    }

    // ---------------------------------------------------------------- callers

    /**
     * Where the object whose method {@code m} is comes from on every path of the sources ("a
     * fresh local at SSTableLoader.java:196"), or null when some path does not start from a fresh,
     * unpublished object.
     */
    private String confinedOnEntry(MethodInfo m, int depth, Set<MethodInfo> open) {
        if (depth > CALLER_DEPTH || !open.add(m)) return null;
        try {
            if (depth == 0 && entries.containsKey(m)) return entries.get(m);
            String v = callersConfined(m, depth, open);
            if (depth == 0) entries.put(m, v);
            return v;
        } finally {
            open.remove(m);
        }
    }

    private String callersConfined(MethodInfo m, int depth, Set<MethodInfo> open) {
        if (project.referenced(m.name)) return no("referenced", m.decl);
        String creator = null;
        int callers = 0;
        for (MethodCallExpr mc : project.callsNamed(m.name)) {
            if (!m.accepts(mc.getArguments().size()) || !resolver.resolveCall(mc).contains(m)) continue;
            callers++;
            BodyResult caller = project.bodyAround(mc);
            MethodInfo c = caller == null ? null : caller.body().method();
            if (c == null || c.body == null || c.decl.isStatic() && mc.getScope().isEmpty()) return no("caller not a method", mc);
            String here = confinedAt(m, c, mc, depth, open);
            if (here == null) return no("caller path", mc);
            if (creator == null) creator = here;
        }
        if (callers == 0) {
            // more files parsed (a scan without the prefilter) may show callers that all start from
            // a fresh object: the prefilter parses the files naming the method and asks again. A
            // "no" from a caller seen, or a "yes", cannot turn that way: more callers only add paths
            project.askCallersOf(m);
            return null;
        }
        return creator;
    }

    /** Whether the receiver of {@code mc} (in {@code c}) is confined at the call. */
    private String confinedAt(MethodInfo m, MethodInfo c, MethodCallExpr mc, int depth, Set<MethodInfo> open) {
        Expression scope = mc.getScope().map(Confinement::strip).orElse(null);
        if (scope == null || scope instanceof ThisExpr t && t.getTypeName().isEmpty()) {
            if (!sameObject(m, c)) return no("not same object", mc);
            return viaThis(c, mc, depth, open);
        }
        if (scope instanceof NameExpr n) {
            Resolver.VarDecl local = resolver.findLocal(n.getNameAsString(), mc);
            if (local != null) return local.declNode() instanceof VariableDeclarator v ? freshLocal(c, v, mc) : null;
            FieldInfo f = resolver.findField(n.getNameAsString(), mc);
            if (f == null || !owned(f) || f.owner != c.owner && !project.index().selfAndSupers(c.owner.simpleName).contains(f.owner.simpleName)) {
                return no("local not declarator", mc);
            }
            return ownedField(f) ? viaThis(c, mc, depth, open) : null;
        }
        if (scope instanceof FieldAccessExpr fa && strip(fa.getScope()) instanceof ThisExpr t && t.getTypeName().isEmpty()) {
            FieldInfo f = resolver.fieldOf(fa);
            return f != null && owned(f) && ownedField(f) ? viaThis(c, mc, depth, open) : null;
        }
        // a fluent chain on the local (plan.transferFiles(a).transferFiles(b)): every link returns
        // this and keeps it, so the receiver is the local itself
        if (scope instanceof MethodCallExpr) {
            Expression s = scope;
            while (s instanceof MethodCallExpr link && link.getScope().isPresent()) {
                List<MethodInfo> ts = resolver.resolveCall(link);
                if (ts.isEmpty()) return no("chain unknown", mc);
                for (MethodInfo t : ts) if (!returnsThis(t) || !keepsThis(t, 0)) return no("chain not this", mc);
                s = strip(link.getScope().get());
            }
            if (s instanceof NameExpr n) {
                Resolver.VarDecl local = resolver.findLocal(n.getNameAsString(), mc);
                if (local != null && local.declNode() instanceof VariableDeclarator v) return freshLocal(c, v, mc);
            }
        }
        return no("scope shape", mc);
    }

    /** An owned field's object is built without letting itself out. */
    private boolean ownedField(FieldInfo f) {
        ObjectCreationExpr oce = (ObjectCreationExpr) f.singleValue();
        TypeInfo t = project.index().firstBySimpleName(oce.getType().getNameAsString(), f.owner.file);
        return t != null && constructionKeeps(t, 0);
    }

    /** The receiver is the caller's own object: confined when the caller's is, on entry and up to the call. */
    private String viaThis(MethodInfo c, MethodCallExpr mc, int depth, Set<MethodInfo> open) {
        if (escapesBefore(c, mc, null)) return no("escapes in caller", mc);
        if (c.decl instanceof ConstructorDeclaration) {
            // the object under construction: nobody else has it yet
            return constructionKeeps(c.owner, 0) ? "a new " + c.owner.simpleName + " (" + where(mc) + ")" : null;
        }
        if (c.decl.isStatic()) return no("static caller", mc);
        return confinedOnEntry(c, depth + 1, open);
    }

    /** The callee runs on the caller's {@code this}: the caller's class is the callee's or a subtype of it. */
    private boolean sameObject(MethodInfo m, MethodInfo c) {
        if (project.index().enclosingType(c.decl) != c.owner) return false;
        return m.owner == c.owner || project.index().selfAndSupers(c.owner.simpleName).contains(m.owner.simpleName);
    }

    /**
     * A local initialised {@code new C(...)} (optionally followed by calls returning {@code this}),
     * never assigned again, and not let out before {@code mc}.
     */
    private String freshLocal(MethodInfo c, VariableDeclarator v, MethodCallExpr mc) {
        String name = v.getNameAsString();
        Expression init = v.getInitializer().map(Confinement::strip).orElse(null);
        while (init instanceof MethodCallExpr fluent && fluent.getScope().isPresent()) {
            List<MethodInfo> ts = resolver.resolveCall(fluent);
            if (ts.isEmpty()) {
                project.askFiles(fluent.getNameAsString(), Set.of(fluentType(fluent)));
                return null;
            }
            for (MethodInfo t : ts) if (!returnsThis(t) || !keepsThis(t, 0)) return no("fluent not this", v);
            init = strip(fluent.getScope().get());
        }
        if (!(init instanceof ObjectCreationExpr oce) || oce.getAnonymousClassBody().isPresent()) return no("init not new", v);
        TypeInfo type = project.index().firstBySimpleName(oce.getType().getNameAsString(), c.owner.file);
        if (type == null) {
            project.askFiles(oce.getType().getNameAsString(), Set.of(oce.getType().getNameAsString()));
            return no("type unknown", v);
        }
        if (!constructionKeeps(type, 0)) return no("construction leaks", v);
        for (AssignExpr a : c.body.findAll(AssignExpr.class)) {
            if (a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(name)) return no("reassigned", v);
        }
        if (escapesBefore(c, mc, name)) return no("local escapes", mc);
        return "a new " + type.simpleName + " in local " + name + " (" + where(v) + ")";
    }

    private static String fluentType(MethodCallExpr fluent) {
        Expression s = fluent.getScope().get();
        while (s instanceof MethodCallExpr inner && inner.getScope().isPresent()) s = inner.getScope().get();
        return s instanceof ObjectCreationExpr oce ? oce.getType().getNameAsString() : fluent.getNameAsString();
    }

    // ---------------------------------------------------------------- escapes

    /**
     * Whether, in {@code c} before {@code point} (in source order, its arguments included, and
     * anywhere in a loop around it), the tracked object gets out: the local {@code local}, or,
     * when null, {@code this} with its owned fields.
     */
    private boolean escapesBefore(MethodInfo c, Node point, String local) {
        Node n = escapingBefore(c, point, local);
        if (n != null && DEBUG) System.err.println("confinement: escapes at " + n.getBegin().map(p -> p.line).orElse(0) + ": " + n);
        return n != null;
    }

    private Node escapingBefore(MethodInfo c, Node point, String local) {
        List<Node> loops = new ArrayList<>();
        for (Node p = Trees.parent(point); p != null && p != c.decl; p = Trees.parent(p)) {
            if (p instanceof WhileStmt || p instanceof DoStmt || p instanceof ForStmt || p instanceof ForEachStmt) loops.add(p);
        }
        if (local != null) {
            // a local declared inside a loop is a new object on each turn: what a later statement of
            // that loop does ran on the previous turn's object
            Resolver.VarDecl d = resolver.findLocal(local, point);
            if (d != null) loops.removeIf(l -> within(d.declNode(), l));
        }
        int begin = point.getBegin().map(q -> q.line * 10000 + q.column).orElse(Integer.MAX_VALUE);
        Node skip = point instanceof MethodCallExpr mc ? mc.getScope().orElse(null) : null;
        List<Node> region = new ArrayList<>();
        c.body.walk(n -> {
            int at = n.getBegin().map(q -> q.line * 10000 + q.column).orElse(Integer.MAX_VALUE);
            boolean before = at < begin || within(n, point) && n != point;
            if (!before) for (Node l : loops) if (within(n, l)) before = true;
            if (before && n != skip && !returnsFirst(n, point, c)) region.add(n);
        });
        return escaping(region, c.owner, local, 0);
    }

    /** The escape of {@code m}'s object before the node where the edge's inner lock is taken, in words, or null. */
    private String escapeBefore(MethodInfo m, Node inner) {
        Node n = escapingBefore(m, inner, null);
        return n == null ? null : m.display() + " may let it out before taking the inner lock (" + n.toString().lines().findFirst().orElse("")
                + " at " + where(n) + " is not shown to keep it to itself)";
    }

    /** Whether a node of {@code region} lets the tracked object out. */
    private boolean escapes(List<Node> region, TypeInfo self, String local, int depth) {
        return escaping(region, self, local, depth) != null;
    }

    /** The first node of {@code region} that lets the tracked object out, or null. */
    private Node escaping(List<Node> region, TypeInfo self, String local, int depth) {
        Set<String> tracked = local == null ? trackedFields(self) : Set.of();
        for (Node n : region) {
            if (n instanceof LambdaExpr || n instanceof MethodReferenceExpr || n instanceof LocalClassDeclarationStmt) {
                if (local == null || mentions(n, local)) return n;
            } else if (n instanceof ObjectCreationExpr oce && local == null && capturesThis(oce, self)) {
                return n;
            } else if (n instanceof ObjectCreationExpr oce && local != null && oce.getAnonymousClassBody().isPresent() && mentions(n, local)) {
                return n;
            } else if (local != null) {
                if (n instanceof NameExpr ne && ne.getNameAsString().equals(local) && !usedInside(ne, depth)) return n;
            } else if (n instanceof ThisExpr t) {
                if (t.getTypeName().isPresent() || !thisUse(t, depth)) return n;
            } else if (n instanceof MethodCallExpr mc && mc.getScope().isEmpty()) {
                if (!implicitCallKeeps(mc, self, depth)) return n;
            } else if (n instanceof NameExpr ne && tracked.contains(ne.getNameAsString())
                    && resolver.findLocal(ne.getNameAsString(), ne) == null && !usedInside(ne, depth)) {
                return n;
            }
        }
        return null;
    }

    /** Whether a lambda, reference or local class names the local. */
    private static boolean mentions(Node n, String local) {
        return n.findFirst(NameExpr.class, x -> x.getNameAsString().equals(local)).isPresent();
    }

    /** {@code new Inner(...)} of an inner (non-static) class, or an anonymous class: both keep a reference to {@code this}. */
    private boolean capturesThis(ObjectCreationExpr oce, TypeInfo self) {
        if (oce.getAnonymousClassBody().isPresent()) return true;
        TypeInfo t = project.index().firstBySimpleName(oce.getType().getNameAsString(), self.file);
        return t != null && t.outer != null && t.node instanceof ClassOrInterfaceDeclaration cd && !cd.isStatic() && !cd.isInterface();
    }

    /** The owned fields of a class whose type is of the sources: what could lead to a locked object. */
    private Set<String> trackedFields(TypeInfo t) {
        Set<String> known = tracked.get(t);
        if (known != null) return known;
        Set<String> out = new HashSet<>();
        for (TypeInfo s : superChain(t)) {
            for (Node n : s.node.getChildNodes()) {
                if (!(n instanceof FieldDeclaration fd)) continue;
                for (VariableDeclarator v : fd.getVariables()) {
                    FieldInfo f = s.field(v.getNameAsString());
                    if (f != null && owned(f) && project.index().firstBySimpleName(
                            ((ObjectCreationExpr) f.singleValue()).getType().getNameAsString(), s.file) != null) {
                        out.add(f.name);
                    }
                }
            }
        }
        tracked.put(t, out);
        return out;
    }

    private List<TypeInfo> superChain(TypeInfo t) {
        List<TypeInfo> out = new ArrayList<>();
        out.add(t);
        out.addAll(project.index().superTypeInfos(t));
        return out;
    }

    /** {@code this} used as a receiver, a field's owner, a monitor, or returned by a fluent method: kept. */
    private boolean thisUse(ThisExpr t, int depth) {
        Node p = Trees.parent(t);
        if (p instanceof FieldAccessExpr fa) {
            if (assigned(fa)) return true;
            FieldInfo f = resolver.fieldOf(fa);
            if (f == null || !trackedFields(f.owner).contains(f.name)) return true;
            return usedInside(fa, depth);
        }
        if (p instanceof MethodCallExpr mc && mc.getScope().orElse(null) == t) return callKeeps(mc, depth, true);
        if (p instanceof SynchronizedStmt) return true;
        return p instanceof ReturnStmt;
    }

    /**
     * A use of the tracked object (a local, or an owned field's value) that keeps it: receiver of
     * a call that keeps {@code this} (its result not kept when it may be the object again), target
     * of a field store, a monitor, a null test.
     */
    private boolean usedInside(Expression e, int depth) {
        Node p = Trees.parent(e);
        while (p instanceof EnclosedExpr en) {
            e = en;
            p = Trees.parent(en);
        }
        if (p instanceof MethodCallExpr mc && mc.getScope().orElse(null) == e) return callKeeps(mc, depth, true);
        if (p instanceof FieldAccessExpr fa && fa.getScope() == e) return assigned(fa);
        if (p instanceof AssignExpr a && a.getTarget() == e) return true;
        if (p instanceof SynchronizedStmt) return true;
        return p instanceof BinaryExpr be && (be.getOperator() == BinaryExpr.Operator.EQUALS || be.getOperator() == BinaryExpr.Operator.NOT_EQUALS);
    }

    private static boolean assigned(FieldAccessExpr fa) {
        return Trees.parent(fa) instanceof AssignExpr a && a.getTarget() == fa;
    }

    /** A call on the tracked object: every target of the sources keeps {@code this}; a result that may be the object is dropped. */
    private boolean callKeeps(MethodCallExpr mc, int depth, boolean onObject) {
        List<MethodInfo> ts = resolver.resolveCall(mc);
        if (ts.isEmpty()) {
            // a method not in the sources keeps nothing known; a file the prefilter left out may declare it
            String type = mc.getScope().map(resolver::typeOf).orElse(null);
            if (type != null) project.askFiles(mc.getNameAsString(), Set.of(type));
            return false;
        }
        for (MethodInfo t : ts) {
            if (t.decl.isStatic()) {
                if (onObject) return false;
                continue;
            }
            if (!keepsThis(t, depth + 1)) return false;
            if (returnsThis(t)) {
                Node parent = Trees.parent(mc);
                if (parent instanceof ExpressionStmt) continue;
                // the next link of a fluent chain (plan.add(a).add(b)) runs on the same object: it must keep it too
                if (parent instanceof MethodCallExpr next && next.getScope().orElse(null) == mc) {
                    if (!callKeeps(next, depth, true)) return false;
                    continue;
                }
                return false;
            }
        }
        return true;
    }

    /**
     * A call with no receiver: a method of the object (it must keep {@code this}), or, when the
     * sources declare none and the class's superclasses are all in the sources, a static import.
     */
    private boolean implicitCallKeeps(MethodCallExpr mc, TypeInfo self, int depth) {
        if (!resolver.resolveCall(mc).isEmpty()) return callKeeps(mc, depth, false);
        if (THREAD_KEEPS.contains(mc.getNameAsString()) && isJdkThread(self)) return true;
        return closedHierarchy(self, 0);
    }

    /** Methods of {@code java.lang.Thread} that configure or read the thread without publishing it ({@code start()} does). */
    private static final Set<String> THREAD_KEEPS = Set.of(
            "setDaemon", "setName", "setPriority", "setUncaughtExceptionHandler", "setContextClassLoader",
            "getName", "getId", "isDaemon", "isAlive", "isInterrupted", "getPriority", "getState");

    /** A subclass of the JDK's {@code Thread} (no class of that name in the sources). */
    private boolean isJdkThread(TypeInfo t) {
        return project.index().selfAndSupers(t.simpleName).contains("Thread") && project.index().firstBySimpleName("Thread", null) == null;
    }

    /** Whether every superclass of {@code t} is in the sources (then no method comes from elsewhere). */
    private boolean closedHierarchy(TypeInfo t, int depth) {
        return closedHierarchy(t, depth, false);
    }

    /**
     * JDK superclasses whose construction keeps the new object to itself: {@code Thread}'s
     * constructors name it and count it in its group, publishing it only at {@code start()}. A
     * {@code class Scheduler extends Thread} built in a local is confined until it is started.
     */
    private static final Set<String> PRIVATE_CONSTRUCTION = Set.of("Object", "Thread");

    /** {@link #closedHierarchy}; for a construction ({@code construction}), a superclass of {@link #PRIVATE_CONSTRUCTION} counts as closed. */
    private boolean closedHierarchy(TypeInfo t, int depth, boolean construction) {
        if (depth > KEEP_DEPTH || !(t.node instanceof ClassOrInterfaceDeclaration cd)) return false;
        for (ClassOrInterfaceType ext : cd.getExtendedTypes()) {
            TypeInfo sup = project.index().firstBySimpleName(ext.getNameAsString(), t.file);
            if (sup == null) {
                if (construction && PRIVATE_CONSTRUCTION.contains(ext.getNameAsString())) continue;
                project.askFiles(ext.getNameAsString(), Set.of(ext.getNameAsString()));
                return false;
            }
            if (!closedHierarchy(sup, depth + 1, construction)) return false;
        }
        return t.outer == null || cd.isStatic() || closedHierarchy(t.outer, depth + 1, construction);
    }

    private final Set<MethodInfo> inProgress = new HashSet<>();
    private final Set<TypeInfo> building = new HashSet<>();
    /** Answers given without looking (a question already open, or past the depth bound): what relied on them is not remembered. */
    private int provisional;

    /**
     * Whether {@code t} keeps {@code this} and its owned fields to itself (recursively, a few
     * levels). A method already being asked about counts as keeping (what it does is being
     * looked at), one past the depth bound as not; an answer that relied on either is not
     * remembered, so that the answer never depends on which edge asked first.
     */
    private boolean keepsThis(MethodInfo t, int depth) {
        if (t.decl.isStatic()) return true;
        if (t.body == null) return false;
        Boolean known = keeps.get(t);
        if (known != null) return known;
        if (depth > KEEP_DEPTH) {
            provisional++;
            return false;
        }
        if (!inProgress.add(t)) {
            provisional++;
            return true;
        }
        int before = provisional;
        boolean v;
        try {
            List<Node> all = new ArrayList<>();
            t.body.walk(all::add);
            all.remove(t.body);
            v = !escapes(all, t.owner, null, depth);
        } finally {
            inProgress.remove(t);
        }
        if (provisional == before) keeps.put(t, v);
        return v;
    }

    /** Every {@code return} of the method returns {@code this} (a fluent setter). */
    private static boolean returnsThis(MethodInfo t) {
        if (t.body == null) return false;
        List<ReturnStmt> rs = t.body.findAll(ReturnStmt.class, r -> r.findAncestor(LambdaExpr.class).isEmpty());
        if (rs.isEmpty()) return false;
        for (ReturnStmt r : rs) {
            if (!(r.getExpression().map(Confinement::strip).orElse(null) instanceof ThisExpr)) return false;
        }
        return true;
    }

    /**
     * Whether building an object of {@code t} lets it out: its constructors, field initialisers and
     * initialiser blocks keep {@code this}, and so does its superclass's construction (a superclass
     * outside the sources is not known to).
     */
    private boolean constructionKeeps(TypeInfo t, int depth) {
        if (!(t.node instanceof ClassOrInterfaceDeclaration cd) || cd.isInterface()) return false;
        Boolean known = constructions.get(t);
        if (known != null) return known;
        if (depth > KEEP_DEPTH) {
            provisional++;
            return false;
        }
        if (!building.add(t)) {
            provisional++;
            return true;
        }
        int before = provisional;
        boolean v = closedHierarchy(t, 0, true);
        try {
            for (ClassOrInterfaceType ext : cd.getExtendedTypes()) {
                TypeInfo sup = project.index().firstBySimpleName(ext.getNameAsString(), t.file);
                if (sup == null ? !PRIVATE_CONSTRUCTION.contains(ext.getNameAsString()) : !constructionKeeps(sup, depth + 1)) v = false;
            }
            for (MethodInfo ctor : t.methods("<init>")) if (v && !keepsThis(ctor, depth + 1)) v = false;
            for (Node n : ((TypeDeclaration<?>) t.node).getMembers()) {
                if (!v) break;
                List<Node> region = new ArrayList<>();
                if (n instanceof FieldDeclaration fd && !fd.isStatic()) {
                    for (VariableDeclarator var : fd.getVariables()) var.getInitializer().ifPresent(i -> i.walk(region::add));
                } else if (n instanceof InitializerDeclaration id && !id.isStatic()) {
                    id.getBody().walk(region::add);
                }
                if (escapes(region, t, null, depth + 1)) v = false;
            }
        } finally {
            building.remove(t);
        }
        if (provisional == before) constructions.put(t, v);
        return v;
    }

    // ---------------------------------------------------------------- helpers

    private static Expression strip(Expression e) {
        while (e instanceof EnclosedExpr en) e = en.getInner();
        return e;
    }

    /**
     * Whether {@code n} runs only on a path that leaves the method before reaching {@code point}:
     * inside a {@code return} statement, or a block ending in one with no break or continue, that
     * does not hold the point ({@code if (empty) return plan.execute();} before the plan is built).
     */
    private static boolean returnsFirst(Node n, Node point, MethodInfo c) {
        for (Node p = n; p != null && p != c.body; p = Trees.parent(p)) {
            if (p instanceof LambdaExpr || p instanceof ObjectCreationExpr oce && oce.getAnonymousClassBody().isPresent()) return false;
            if (within(point, p)) return false;
            if (p instanceof ReturnStmt) return true;
            if (p instanceof BlockStmt b && !b.getStatements().isEmpty() && b.getStatements().getLast().get() instanceof ReturnStmt
                    && b.findFirst(BreakStmt.class).isEmpty() && b.findFirst(ContinueStmt.class).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(Node n, Node ancestor) {
        for (Node p = n; p != null; p = Trees.parent(p)) if (p == ancestor) return true;
        return false;
    }

    private String where(Node n) {
        TypeInfo t = project.index().enclosingType(n);
        String file = t == null ? "?" : t.file.source().relPath().replaceAll(".*/", "");
        return file + ":" + n.getBegin().map(p -> p.line).orElse(0);
    }
}
