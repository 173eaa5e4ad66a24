package dev.lockcheck.analysis.checks;

import dev.lockcheck.analysis.Trees;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import dev.lockcheck.analysis.BodyResult;
import dev.lockcheck.analysis.FindingSink;
import dev.lockcheck.analysis.Held;
import dev.lockcheck.analysis.LockId;
import dev.lockcheck.analysis.Obs;
import dev.lockcheck.analysis.ProjectFacts;
import dev.lockcheck.analysis.StaticCheck;
import dev.lockcheck.analysis.knowledge.LockApis.Op;
import dev.lockcheck.model.LockMode;
import dev.lockcheck.report.TraceStep;
import dev.lockcheck.rules.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LC007: two locks nested in opposite orders on two paths of the sources (directly or through
 * calls; ReentrantLock, RRWL, StampedLock, synchronized blocks and methods). The project's
 * lock-order graph has an edge A → B for every blocking acquisition of B while A is held; an edge
 * with an opposite edge B → A is reported once, at its most direct acquisition site, with the
 * opposite path in its trace and a count of the other places taking the same order. Read-read nesting on both sides counts only when one of the locks is also
 * write-acquired; a cycle whose edges are all taken under one common lock (a gate) cannot
 * deadlock and is not reported. Locks are lock classes here, as in lockdep: two instances of one
 * field are one node, and a lock nested in itself is no edge; nor is re-entering, under another
 * name, an object already held ({@link #reentry}).
 */
final class LockOrderInversion implements StaticCheck {
    @Override
    public String ruleId() {
        return "LC007";
    }

    /** One acquisition of {@code to} while {@code from} is held. */
    private record Edge(LockId from, LockMode fromMode, LockId to, LockMode toMode, BodyResult body, Held outer, Obs.Acquire inner) {
        boolean shared() {
            return fromMode.isShared() && toMode.isShared();
        }

        List<TraceStep> trace() {
            List<TraceStep> t = new ArrayList<>();
            t.add(Evidence.acquired(body.body(), outer));
            t.addAll(inner.via());
            return t;
        }

        /** {@code Journal.java:20} for a direct acquisition, {@code Journal.java:20, acquiring at Ledger.java:21} through calls. */
        String where() {
            TraceStep first = inner.via().get(0);
            TraceStep last = inner.via().get(inner.via().size() - 1);
            return inner.via().size() == 1 ? Evidence.at(first) : Evidence.at(first) + ", acquiring at " + Evidence.at(last);
        }
    }

    @Override
    public void check(ProjectFacts project, FindingSink sink) {
        Map<LockId, Map<LockId, List<Edge>>> graph = new LinkedHashMap<>();
        for (BodyResult b : project.bodies()) {
            for (Obs o : b.obs()) {
                if (!(o instanceof Obs.Acquire a) || a.op() != Op.ACQUIRE || o.held().isEmpty()) continue;
                // re-entering a lock this thread already holds never waits: no order at all
                if (reentry(a, o.held(), project)) continue;
                // behind the lock's own hold-count guard, in a method every caller calls holding the lock: never runs
                if (a.unlessHeld() && a.direct() && b.body().method() != null
                        && project.everyCallerHolds(b.body().method(), a.ref())) {
                    continue;
                }
                for (Held h : o.held()) {
                    Edge e = new Edge(h.ref().id(), h.ref().mode(), a.ref().id(), a.ref().mode(), b, h, a);
                    graph.computeIfAbsent(e.from(), k -> new LinkedHashMap<>()).computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
                }
            }
        }
        dynamicOrders(project, sink);
        Confinement confinement = new Confinement(project);
        // one finding per edge of the lock-order graph: the most direct of the places taking it
        for (Map<LockId, List<Edge>> outs : graph.values()) {
            for (List<Edge> edges : outs.values()) {
                List<Edge> sorted = new ArrayList<>(edges);
                sorted.sort(Comparator.comparingInt((Edge x) -> x.inner().via().size())
                        .thenComparing(x -> x.body().body().file().source().relPath())
                        .thenComparingInt(x -> x.outer().line()));
                for (Edge e : sorted) {
                    List<Edge> back = pathBack(graph, e, project, confinement);
                    // asked only of an edge closing a cycle: the callers' question walks every file
                    if (back != null && !heldOnEntry(e, project) && !confined(e, confinement)) {
                        report(e, back, sorted.size() - 1, sink, confinement);
                        break;
                    }
                }
            }
        }
    }

    /**
     * Whether {@code a} takes a lock already in {@code held}: the same lock class (lockdep's rule:
     * a lock nested in itself is no edge), the same object under another name (the field
     * {@code moved} and {@code MovedBlocks.this} when {@code moved.sync()} runs), or the
     * {@code this} monitors of a class and its superclass with no instance proving two objects
     * ({@code Child.this} and {@code Base.this} are one monitor when a Child's code runs Base's).
     * The {@code this} monitors of two unrelated classes are two objects even when both paths read
     * {@code this}: an inner class's synchronized method calling its outer class's ({@code Worker.this}
     * then {@code Pool.this}) names the outer instance {@code this} too.
     */
    private static boolean reentry(Obs.Acquire a, List<Held> held, ProjectFacts project) {
        String object = object(a.ref().id(), a.instance());
        for (Held h : held) {
            LockId id = h.ref().id();
            if (id.equals(a.ref().id())) return true;
            if (object != null && object.equals(object(id, h.instance()))
                    && !(id.name().equals("this") && a.ref().id().name().equals("this") && !related(id, a.ref().id(), project))) {
                return true;
            }
            if (id.name().equals("this") && a.ref().id().name().equals("this")
                    && (a.instance() == null || h.instance() == null || a.instance().equals(h.instance()))
                    && related(id, a.ref().id(), project)) {
                return true;
            }
        }
        return false;
    }

    /** The locked object as a path from the body's {@code this} (or a static name), null when unknown. */
    private static String object(LockId id, String instance) {
        if (id.name().equals("class")) return "class:" + id.owner();
        if (instance == null) return null;
        if (id.name().equals("this")) return instance;
        return instance.isEmpty() ? "static:" + id.owner() + "." + id.name() : instance + "." + id.name();
    }

    /** Whether one type is the other or a subtype of it, in the sources. */
    private static boolean related(LockId x, LockId y, ProjectFacts project) {
        return project.index().selfAndSupers(x.ownerName()).contains(y.ownerName())
                || project.index().selfAndSupers(y.ownerName()).contains(x.ownerName());
    }

    /**
     * The opposite edge (e.to → e.from) that makes a deadlock-capable two-lock cycle with e, or
     * null. Only two-lock cycles: the contract's "two locks nested in opposite orders"; longer
     * cycles through summaries of long call chains are mostly paths no two threads take at once.
     */
    private static List<Edge> pathBack(Map<LockId, Map<LockId, List<Edge>>> graph, Edge e, ProjectFacts project,
                                       Confinement confinement) {
        List<Edge> opposite = graph.getOrDefault(e.to(), Map.of()).get(e.from());
        if (opposite == null) return null;
        Edge back = pick(opposite, e, project, confinement);
        if (back == null) return null;
        return deadlockCapable(e, List.of(back), project) ? List.of(back) : null;
    }

    /** An edge of the candidates not sharing a gate with {@code e}: the two can run at once. */
    private static Edge pick(List<Edge> candidates, Edge e, ProjectFacts project, Confinement confinement) {
        for (Edge c : candidates) if (gate(e, c) == null && !heldOnEntry(c, project) && !confined(c, confinement)) return c;
        return null;
    }

    /**
     * Whether the edge's outer lock belongs to an object still confined to the thread that created
     * it on every path of the sources to the edge, with the whole proof in hand ({@link Confinement}):
     * no other thread can wait for that lock, so the edge orders nothing.
     */
    private static boolean confined(Edge e, Confinement confinement) {
        return proof(e, confinement).grade() == Confinement.Grade.COMPLETE;
    }

    private static Confinement.Proof proof(Edge e, Confinement confinement) {
        return confinement.of(e.body(), e.outer(), e.inner().node());
    }

    /**
     * Whether every caller in the sources enters the edge's method already holding its inner lock
     * (ProjectFacts.callersHoldOnEntry): the inner acquisition is then a re-entry, and the real
     * order on that path is inner lock first, outer lock second, which the edge does not say.
     */
    private static boolean heldOnEntry(Edge e, ProjectFacts project) {
        return e.body().body().method() != null && project.callersHoldOnEntry(e.body().body().method(), e.to());
    }

    /** A lock held exclusively by both paths, other than the two nested ones: they cannot interleave. */
    private static LockId gate(Edge a, Edge b) {
        for (Held x : a.inner().held()) {
            if (x.ref().mode().isShared() || x.ref().id().equals(a.from()) || x.ref().id().equals(a.to())) continue;
            for (Held y : b.inner().held()) {
                if (y.ref().id().equals(x.ref().id()) && !y.ref().mode().isShared()) return x.ref().id();
            }
        }
        return null;
    }

    /** Read-read on every edge deadlocks only through a queued writer: one of the locks must be written. */
    private static boolean deadlockCapable(Edge e, List<Edge> back, ProjectFacts project) {
        boolean allShared = e.shared();
        for (Edge b : back) allShared &= b.shared();
        if (!allShared) return true;
        if (project.isWriteAcquired(e.from()) || project.isWriteAcquired(e.to())) return true;
        for (Edge b : back) if (project.isWriteAcquired(b.from()) || project.isWriteAcquired(b.to())) return true;
        return false;
    }

    /**
     * The transfer deadlock: two locks of one class (two parameters or locals of one type, two
     * entries of one lock map, list or array) nested in the order the caller's arguments give,
     * with no comparison choosing which goes first ({@link OrderChoice}): {@code transfer(a, b)} and
     * {@code transfer(b, a)} on two threads each hold one and wait for the other. Both must be
     * exclusive somewhere on the path (two read holds wait only behind a writer), and their
     * objects provably distinct names from this body ({@link Held#instance()}).
     */
    private void dynamicOrders(ProjectFacts project, FindingSink sink) {
        for (BodyResult b : project.bodies()) {
            for (Obs o : b.obs()) {
                if (!(o instanceof Obs.Acquire a) || a.op() != Op.ACQUIRE || o.held().isEmpty() || !dynamic(a.instance())) continue;
                for (Held h : o.held()) {
                    if (!h.ref().id().equals(a.ref().id()) || !dynamic(h.instance()) || h.instance().equals(a.instance())) continue;
                    if (h.ref().mode().isShared() && a.ref().mode().isShared()) continue;
                    if (OrderChoice.chosen(b.body().owner(), h, a)) continue;
                    String what = a.ref().id().name().endsWith("[]") ? "two entries of " + a.ref().id().display()
                            : "two objects of lock class " + a.ref().id().display();
                    String msg = ReadToWriteUpgrade.capitalise(lockWord(a.ref().mode())) + " " + a.ref().id().display()
                            + " (" + readable(a.instance()) + ") is acquired" + Evidence.through(a) + " while holding "
                            + lockWord(h.ref().mode()) + " " + h.ref().id().display() + " (" + readable(h.instance())
                            + ", acquired " + Evidence.where(h) + "): " + what + " nested in the order the caller gives, "
                            + "with no comparison choosing which goes first; two threads passing them the other way round "
                            + "each hold one and wait for the other forever. Fix: take the two in one global order "
                            + "(compare ids or System.identityHashCode, with a tie lock), or use one lock for both.";
                    List<TraceStep> trace = new ArrayList<>();
                    trace.add(Evidence.acquired(b.body(), h));
                    trace.addAll(a.via());
                    sink.report(ruleId(), Severity.ERROR, b.body(), a.node(), msg, a.ref().id(), trace);
                    break;
                }
            }
        }
    }

    /** An instance the caller chooses: a parameter or local ({@code ~from@12}), or a family entry by key. */
    private static boolean dynamic(String instance) {
        return instance != null && (instance.startsWith("~") || instance.endsWith("]"));
    }

    private static String readable(String instance) {
        return instance.replaceAll("~([A-Za-z0-9_$]+)@\\d+", "$1").replaceAll("^~", "").replace("this.", "");
    }

    private void report(Edge e, List<Edge> back, int others, FindingSink sink, Confinement confinement) {
        Edge other = back.get(0);
        StringBuilder msg = new StringBuilder();
        msg.append(ReadToWriteUpgrade.capitalise(lockWord(e.toMode()))).append(' ').append(e.to().display())
                .append(" is acquired").append(Evidence.through(e.inner())).append(" while holding ")
                .append(lockWord(e.fromMode())).append(' ').append(e.from().display())
                .append(" (acquired ").append(Evidence.where(e.outer())).append("), but ")
                .append(other.body().body().name()).append(" (").append(other.where()).append(") acquires ")
                .append(other.to().display()).append(" while holding ").append(other.from().display());
        if (others > 0) {
            msg.append("; ").append(others).append(" other place").append(others == 1 ? " takes" : "s take")
                    .append(" the two in this order too");
        }
        msg.append(": two threads on these paths can each hold one lock and wait for the other forever. ")
                .append("Fix: take these locks in one global order everywhere, or take the inner lock after releasing the outer one.");
        // an edge taken inside a monitor the code picks at run time may be a re-entry of that monitor
        SynchronizedStmt chosen = chosenMonitor(e);
        Edge chosenIn = e;
        if (chosen == null) {
            chosen = chosenMonitor(other);
            chosenIn = other;
        }
        if (chosen != null) {
            msg.append(" (A warning, not an error: ").append(chosenIn == e ? "this order" : "the other order")
                    .append(" is taken inside synchronized (").append(chosen.getExpression()).append(") at ")
                    .append(chosenIn.body().body().file().source().relPath().replaceAll(".*/", "")).append(':')
                    .append(chosen.getBegin().map(p -> p.line).orElse(0))
                    .append(", a monitor whose object is chosen at run time among several; it may be one of these two locks, held already.)");
        }
        // an order taken only while its outer lock's object is still its creator's, as far as the callers show
        Confinement.Proof confined = chosen != null ? null : proof(e, confinement);
        Edge confinedIn = e;
        if (confined != null && confined.grade() != Confinement.Grade.CALLERS) {
            confined = proof(other, confinement);
            confinedIn = other;
        }
        if (confined != null && confined.grade() == Confinement.Grade.CALLERS) {
            msg.append(" (A warning, not an error: ").append(confinedIn == e ? "this order" : "the other order")
                    .append(" is taken only while the object of ").append(confinedIn.from().display())
                    .append(" is still confined to the thread that created it, on every path of the sources (")
                    .append(confined.creator()).append("), but ").append(confined.gap()).append(".)");
        } else {
            confined = null;
        }
        List<TraceStep> trace = new ArrayList<>(e.trace());
        for (Edge b : back) {
            for (TraceStep t : b.trace()) trace.add(new TraceStep(t.file(), t.line(), "other path: " + t.note(), t.evidence()));
        }
        // named by its edge: more parsed code may find a shorter path to another site, the same finding
        sink.report(ruleId(), chosen != null || confined != null ? Severity.WARNING : Severity.ERROR, e.body().body(), e.inner().node(), msg.toString(), e.to(), trace,
                "edge " + e.from().qualified() + " -> " + e.to().qualified());
    }

    /**
     * The synchronized block of the edge's body, around its inner acquisition, whose monitor the
     * code picks at run time among several objects ({@code synchronized (c ? a : b)}, or a local
     * initialised that way or assigned more than once), or null. lockcheck names no lock for such
     * a monitor, so it cannot tell that the inner acquisition re-enters it.
     */
    private static SynchronizedStmt chosenMonitor(Edge e) {
        Node stop = e.body().body().owner();
        for (Node p = e.inner().node(); p != null && p != stop; p = Trees.parent(p)) {
            if (p instanceof SynchronizedStmt ss && ss != e.inner().node() && chosenAtRunTime(ss.getExpression())) return ss;
        }
        return null;
    }

    private static boolean chosenAtRunTime(Expression x) {
        while (x instanceof EnclosedExpr en) x = en.getInner();
        while (x instanceof CastExpr c) x = c.getExpression();
        if (x instanceof ConditionalExpr || x instanceof SwitchExpr) return true;
        if (!(x instanceof NameExpr n)) return false;
        String name = n.getNameAsString();
        Node callable = x;
        while (callable != null && !(callable instanceof CallableDeclaration<?>) && !(callable instanceof LambdaExpr)) {
            callable = Trees.parent(callable);
        }
        if (callable == null) return false;
        for (VariableDeclarator v : callable.findAll(VariableDeclarator.class, d -> d.getNameAsString().equals(name))) {
            Expression init = v.getInitializer().orElse(null);
            while (init instanceof EnclosedExpr en) init = en.getInner();
            if (init instanceof ConditionalExpr || init instanceof SwitchExpr) return true;
        }
        return callable.findAll(AssignExpr.class, a -> a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(name)).size() > 1;
    }

    private static String lockWord(LockMode m) {
        return m.describe();
    }
}
