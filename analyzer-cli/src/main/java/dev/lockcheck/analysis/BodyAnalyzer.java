package dev.lockcheck.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import dev.lockcheck.analysis.ProjectIndex.MethodInfo;
import dev.lockcheck.analysis.ProjectIndex.TypeInfo;
import dev.lockcheck.analysis.knowledge.Handoffs;
import dev.lockcheck.analysis.knowledge.LockApis;
import dev.lockcheck.analysis.knowledge.LockApis.Family;
import dev.lockcheck.analysis.knowledge.LockApis.Op;
import dev.lockcheck.analysis.knowledge.LockHandles;
import dev.lockcheck.analysis.knowledge.SyncCallbacks;
import dev.lockcheck.analysis.knowledge.Tasks;
import dev.lockcheck.model.LockMode;
import dev.lockcheck.report.TraceStep;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The held-lock flow through one body. Walks statements in order with a must-hold state:
 * {@code lock(); try {…} finally {unlock();}}, {@code if (l.tryLock()) …}, {@code if (!l.tryLock()) return;},
 * stamps in variables, early return/throw/break/continue, loops, nested try, switch. At every
 * acquisition, release, blocking handoff and call into the sources it records an {@link Obs} with
 * the locks held there; calls are expanded through the callee's {@link Summary}, never re-walked.
 */
final class BodyAnalyzer {
    /** Longest call chain followed into callees. */
    static final int MAX_TRACE = 12;
    /** Most distinct events a summary keeps. */
    static final int MAX_EVENTS = 200;

    /** Calls that cannot throw in practice: they do not open an exceptional path out of a locked region. */
    private static final Set<String> NON_THROWING = Set.of(
            "nanoTime", "currentTimeMillis", "currentThread", "isHeldByCurrentThread", "getHoldCount",
            "getReadHoldCount", "getReadLockCount", "isWriteLocked", "isWriteLockedByCurrentThread",
            "getWriteHoldCount", "hasQueuedThreads", "getQueueLength", "isLocked", "validate",
            "tryOptimisticRead", "isReadLocked", "signal", "signalAll", "notify", "notifyAll");

    /** Lock getters: {@code rw.readLock()}, {@code sl.asWriteLock()}, {@code lock.newCondition()}. */
    private static final Set<String> VIEW_GETTERS = Set.of(
            "readLock", "writeLock", "asReadLock", "asWriteLock", "asReadWriteLock", "newCondition");

    /** A release found in a finally block: it covers holds of {@code id} in {@code mode} (null: any mode). */
    private record FinRelease(LockId id, LockMode mode) {
        boolean covers(LockRef ref) {
            return id.equals(ref.id()) && (mode == null || mode == ref.mode());
        }
    }

    /**
     * A try with a finally, and what was held when it was entered. A finally that releases the
     * other mode of a lock the try did not start out holding in that mode is a mismatched
     * release (LC006 reports it); for the leak check it still counts as the release of this hold,
     * so one mistake is reported once.
     */
    private record Frame(List<FinRelease> releases, List<Held> entryHeld) {
        boolean covers(LockRef ref) {
            for (FinRelease r : releases) {
                if (r.covers(ref)) return true;
                if (r.id().equals(ref.id()) && r.mode() != null && r.mode() != ref.mode()
                        && r.mode().isStamped() == ref.mode().isStamped()
                        && entryHeld.stream().noneMatch(h -> h.ref().id().equals(r.id()) && h.ref().mode() == r.mode())) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Branches(State whenTrue, State whenFalse) {
    }

    /**
     * Hidden measure ({@code -Dlockcheck.acquisitions}, printed by {@link Analyzer}): the distinct
     * sites where the flow starts holding a lock, as "file:line:column|lock mode|direct or call".
     */
    static final Set<String> HOLD_SITES = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final boolean COUNTING = System.getProperty("lockcheck.acquisitions") != null;

    private void countHold(Node at, LockRef ref, boolean direct) {
        if (!COUNTING || silent > 0) return;
        HOLD_SITES.add(file + ":" + line(at) + ":" + at.getBegin().map(p -> p.column).orElse(0) + "|" + ref.id().qualified()
                + " " + ref.mode() + "|" + (direct ? "direct" : "call"));
    }

    private final Resolver resolver;
    private final Summaries summaries;
    private final Body body;
    private final String file;

    private final List<Obs> obs = new ArrayList<>();
    private final Map<Object, Obs> events = new LinkedHashMap<>();
    private final Set<LockId> releasedNotHeld = new LinkedHashSet<>();
    private final Set<LockId> releasedAnywhere = new HashSet<>();
    private final Set<Node> unsafeSites = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<String> frontier = new LinkedHashSet<>();
    private final Deque<Frame> frames = new ArrayDeque<>();
    /** How many of {@link #frames} lie outside the lambda being walked inline (none outside one). */
    private int lambdaFrames;
    private final Deque<List<State>> breaks = new ArrayDeque<>();
    private final List<State> exits = new ArrayList<>();
    private int loopDepth;
    private int silent;
    /** The lambdas being walked inline (innermost first): a {@code forEach} body runs on this thread. */
    /** The lambdas (and anonymous-class callback methods) being walked inline here, innermost first. */
    private final java.util.ArrayDeque<Node> inlineLambdas = new java.util.ArrayDeque<>();

    /** The last try-acquire call evaluated and the hold it would give (consumed by conditions and assignments). */
    private Node lastTryCall;
    private Held lastTryHeld;
    /** The last blocking StampedLock acquisition and its hold (consumed by assignments of the stamp). */
    private Node lastStampCall;
    private Held lastStampHeld;

    /** Boolean parameters of this body fixed by the caller ({@link Summaries#variant}): their tests take one branch. */
    private final Map<String, Boolean> assumed;

    BodyAnalyzer(Resolver resolver, Summaries summaries, Body body) {
        this(resolver, summaries, body, Map.of());
    }

    BodyAnalyzer(Resolver resolver, Summaries summaries, Body body, Map<String, Boolean> assumed) {
        this.resolver = resolver;
        this.summaries = summaries;
        this.body = body;
        this.file = body.file().source().relPath();
        this.assumed = assumed;
    }

    BodyResult run() {
        State start = State.EMPTY;
        if (body.owner() instanceof com.github.javaparser.ast.body.MethodDeclaration md && md.isSynchronized() && body.type() != null) {
            // a synchronized method holds its monitor for the whole body: callers see it acquired
            LockId monitor = md.isStatic() ? classMonitor(body.type()) : new LockId(body.type().qualifiedName, body.type().simpleName, "this", null);
            Held h = new Held(new LockRef(monitor, LockMode.MONITOR), md, Op.ACQUIRE, md.isStatic() ? "" : "this");
            record(new Obs.Acquire(List.of(), h.ref(), Op.ACQUIRE, false, md.getName(),
                    List.of(step(md.getName(), "enters synchronized method " + md.getNameAsString() + "()")), Set.of(), h.instance()), true);
            start = start.acquire(h);
            countHold(md, h.ref(), true);
        }
        State end;
        if (body.code() instanceof BlockStmt b) {
            end = stmt(b, start);
        } else {
            end = eval((Expression) body.code(), start);
        }
        if (end != null) {
            checkExit(end, body.code(), "the method can end while still holding it");
            exits.add(end);
        }
        // whatever path leaves the body (a return inside a synchronized block, the end of a
        // synchronized method), the JVM releases its monitors: callers never inherit one
        List<State> left = new ArrayList<>(exits.size());
        for (State x : exits) left.add(x == null ? null : x.withoutMonitors());
        State exit = State.joinAll(left);
        List<Held> exitHeld = exit == null ? List.of() : exit.held;
        Summary summary = new Summary(List.copyOf(events.values()), List.copyOf(exitHeld), Set.copyOf(releasedNotHeld),
                Set.copyOf(frontier));
        return new BodyResult(body, List.copyOf(obs), Set.copyOf(releasedAnywhere), summary);
    }

    // ================================================================ statements

    private State stmt(Statement s, State st) {
        if (st == null || s == null) return st;
        if (s instanceof BlockStmt b) {
            for (Statement x : b.getStatements()) {
                st = stmt(x, st);
                if (st == null) return null;
            }
            return st;
        }
        if (s instanceof ExpressionStmt es) return eval(es.getExpression(), st);
        if (s instanceof IfStmt is) {
            Branches b = cond(is.getCondition(), st);
            State t = stmt(is.getThenStmt(), b.whenTrue);
            State e = is.getElseStmt().isPresent() ? stmt(is.getElseStmt().get(), b.whenFalse) : b.whenFalse;
            return State.join(t, e);
        }
        if (s instanceof WhileStmt ws) {
            Branches b = loopCond(ws.getCondition(), st);
            List<State> out = loopBody(ws.getBody(), b.whenTrue);
            State end = out.remove(out.size() - 1);
            State exit = isTrue(ws.getCondition()) ? null : b.whenFalse;
            if (end != null && exit != null) exit = State.join(exit, silently(() -> cond(ws.getCondition(), end)).whenFalse);
            return State.join(exit, State.joinAll(out));
        }
        if (s instanceof DoStmt ds) {
            List<State> out = loopBody(ds.getBody(), st);
            State end = out.remove(out.size() - 1);
            State exit = null;
            if (end != null) {
                Branches b = loopCond(ds.getCondition(), end);
                exit = isTrue(ds.getCondition()) ? null : b.whenFalse;
            }
            return State.join(exit, State.joinAll(out));
        }
        if (s instanceof ForStmt fs) {
            for (Expression e : fs.getInitialization()) st = eval(e, st);
            if (st == null) return null;
            Branches b = fs.getCompare().isPresent() ? loopCond(fs.getCompare().get(), st) : new Branches(st, null);
            List<State> out = loopBody(fs.getBody(), b.whenTrue);
            State end = out.remove(out.size() - 1);
            State exit = fs.getCompare().isPresent() && !isTrue(fs.getCompare().get()) ? b.whenFalse : null;
            if (end != null && exit != null) {
                State afterUpdate = silently(() -> {
                    State x = end;
                    for (Expression e : fs.getUpdate()) x = eval(e, x);
                    return new Branches(x, x);
                }).whenTrue;
                if (afterUpdate != null) exit = State.join(exit, silently(() -> cond(fs.getCompare().get(), afterUpdate)).whenFalse);
            }
            return State.join(exit, State.joinAll(out));
        }
        if (s instanceof ForEachStmt fe) {
            st = eval(fe.getIterable(), st);
            if (st == null) return null;
            List<State> out = loopBody(fe.getBody(), st);
            State end = out.remove(out.size() - 1);
            State exit = State.join(st, end);
            return State.join(exit, State.joinAll(out));
        }
        if (s instanceof TryStmt ts) return tryStmt(ts, st);
        if (s instanceof SynchronizedStmt ss) {
            st = eval(ss.getExpression(), st);
            if (st == null) return null;
            LockId monitor = monitorOf(ss.getExpression());
            if (monitor == null) return stmt(ss.getBody(), st); // a monitor with no name the checks could use
            Held h = new Held(new LockRef(monitor, LockMode.MONITOR), ss, Op.ACQUIRE, monitorInstance(ss.getExpression()));
            record(new Obs.Acquire(st.held, h.ref(), Op.ACQUIRE, loopDepth > 0, ss,
                    List.of(step(ss, "enters synchronized (" + ss.getExpression() + ")")), Set.copyOf(releasedNotHeld), h.instance()), true);
            // a break (or a switch expression's yield) out of the block releases the monitor on its way
            List<State> targets = breaks.peek();
            int before = targets == null ? 0 : targets.size();
            countHold(ss, h.ref(), true);
            State end = stmt(ss.getBody(), st.acquire(h));
            if (targets != null) {
                for (int i = before; i < targets.size(); i++) {
                    State b = targets.get(i);
                    if (b != null) targets.set(i, orSelf(b.release(h.ref(), false), b));
                }
            }
            return end == null ? null : orSelf(end.release(h.ref(), false), end);
        }
        if (s instanceof ReturnStmt rs) {
            if (rs.getExpression().isPresent()) st = eval(rs.getExpression().get(), st);
            if (st == null) return null;
            if (inlineLambdas.isEmpty()) {
                checkExit(st, rs, "it returns at line " + line(rs) + " still holding it");
                exits.add(throughFinally(st));
            }
            return null;
        }
        if (s instanceof ThrowStmt ts) {
            st = eval(ts.getExpression(), st);
            if (st != null) throwPoint(st, ts);
            return null;
        }
        if (s instanceof BreakStmt) {
            if (!breaks.isEmpty()) breaks.peek().add(st);
            return null;
        }
        if (s instanceof ContinueStmt) return null;
        if (s instanceof YieldStmt ys) {
            st = eval(ys.getExpression(), st);
            if (!breaks.isEmpty() && st != null) breaks.peek().add(st);
            return null;
        }
        if (s instanceof SwitchStmt sw) {
            st = eval(sw.getSelector(), st);
            return switchEntries(sw.getEntries(), st);
        }
        if (s instanceof LabeledStmt ls) return stmt(ls.getStatement(), st);
        if (s instanceof LocalClassDeclarationStmt || s instanceof LocalRecordDeclarationStmt) return st;
        if (s instanceof ExplicitConstructorInvocationStmt ec) {
            for (Expression a : ec.getArguments()) st = eval(a, st);
            return st;
        }
        // assert, empty, and anything newer: evaluate the expressions it contains, in order
        for (Node c : s.getChildNodes()) {
            if (c instanceof Expression e) st = eval(e, st);
            else if (c instanceof Statement x) st = stmt(x, st);
            if (st == null) return null;
        }
        return st;
    }

    /** A loop's condition runs once per iteration: an acquisition there is retried. */
    private Branches loopCond(Expression c, State st) {
        loopDepth++;
        try {
            return cond(c, st);
        } finally {
            loopDepth--;
        }
    }

    /** Walks a loop body; returns the break states followed by the end-of-body state (last element). */
    private List<State> loopBody(Statement b, State st) {
        breaks.push(new ArrayList<>());
        loopDepth++;
        State end;
        try {
            end = stmt(b, st);
        } finally {
            loopDepth--;
        }
        List<State> out = new ArrayList<>(breaks.pop());
        out.add(end);
        return out;
    }

    private State switchEntries(List<SwitchEntry> entries, State st) {
        if (st == null) return null;
        breaks.push(new ArrayList<>());
        State prev = null;
        boolean hasDefault = false;
        for (SwitchEntry e : entries) {
            if (e.getLabels().isEmpty()) hasDefault = true;
            State in = e.getType() == SwitchEntry.Type.STATEMENT_GROUP ? State.join(st, prev) : st;
            State x = in;
            for (Statement s : e.getStatements()) {
                if (s instanceof ExpressionStmt es && e.getType() == SwitchEntry.Type.EXPRESSION) {
                    x = eval(es.getExpression(), x);
                } else {
                    x = stmt(s, x);
                }
                if (x == null) break;
            }
            if (e.getType() == SwitchEntry.Type.STATEMENT_GROUP) {
                prev = x;
            } else if (x != null) {
                breaks.peek().add(x);
            }
        }
        List<State> out = breaks.pop();
        State exit = State.join(prev, State.joinAll(out));
        return hasDefault ? exit : State.join(exit, st);
    }

    private State tryStmt(TryStmt ts, State st) {
        boolean hasFinally = ts.getFinallyBlock().isPresent();
        // the resources are opened inside the try: if opening one throws, the finally still runs
        if (hasFinally) frames.push(new Frame(finallyReleases(ts.getFinallyBlock().get()), st.held));
        State entry = st;
        State normal;
        try {
            for (Expression r : ts.getResources()) entry = eval(r, entry);
            if (entry == null) {
                normal = null;
                entry = st;
            } else {
                // a lock a resource's opening left held is the resource's: closing it at the end
                // of the block (normally or not) releases it (try (AutoCloseableLock l = x.acquire()))
                List<Held> handles = ts.getResources().isEmpty() ? List.of() : newHolds(st, entry);
                List<FinRelease> closes = new ArrayList<>();
                for (Held h : handles) closes.add(new FinRelease(h.ref().id(), h.ref().mode()));
                if (!closes.isEmpty()) frames.push(new Frame(closes, entry.held));
                try {
                    normal = closeAll(stmt(ts.getTryBlock(), entry), handles);
                } finally {
                    if (!closes.isEmpty()) frames.pop();
                }
                State closed = closeAll(entry, handles);
                for (CatchClause c : ts.getCatchClauses()) normal = State.join(normal, stmt(c.getBody(), closed));
                entry = closed;
            }
        } finally {
            if (hasFinally) frames.pop();
        }
        if (!hasFinally) return normal;
        State fin = stmt(ts.getFinallyBlock().get(), normal != null ? normal : entry);
        return normal == null ? null : fin;
    }

    /** The holds {@code after} has that {@code before} did not (by acquisition, most recent last). */
    private static List<Held> newHolds(State before, State after) {
        List<Held> out = new ArrayList<>();
        for (Held h : after.held) {
            boolean old = false;
            for (Held b : before.held) old |= b == h;
            if (!old) out.add(h);
        }
        return out;
    }

    /** The state after the resources holding {@code handles} are closed. */
    private static State closeAll(State st, List<Held> handles) {
        if (st == null) return null;
        for (int i = handles.size() - 1; i >= 0; i--) st = orSelf(st.release(handles.get(i).ref(), false), st);
        return st;
    }

    /** The releases a finally block performs: direct ones, and those of the helpers it calls. */
    private List<FinRelease> finallyReleases(BlockStmt fin) {
        List<FinRelease> out = new ArrayList<>();
        for (MethodCallExpr mc : fin.findAll(MethodCallExpr.class)) {
            String name = mc.getNameAsString();
            int argc = mc.getArguments().size();
            Expression scope = mc.getScope().orElse(null);
            if (scope != null) {
                LockApis.Row row = LockApis.match(Family.LOCK_VIEW, name, argc);
                if (row != null && row.op() == Op.RELEASE) {
                    LockRef ref = resolver.viewRef(scope);
                    if (ref != null) {
                        out.add(new FinRelease(ref.id(), ref.mode()));
                        continue;
                    }
                }
                LockApis.Row hrow = handleRow(scope, name, argc);
                if (hrow != null && hrow.op() == Op.RELEASE) {
                    LockRef ref = resolver.viewRef(scope);
                    if (ref != null) {
                        out.add(new FinRelease(ref.id(), ref.mode()));
                        continue;
                    }
                }
                LockApis.Row srow = LockApis.match(Family.STAMPED, name, argc);
                if (srow != null && srow.op() == Op.RELEASE) {
                    LockId id = resolver.stampedOf(scope);
                    if (id != null) {
                        out.add(new FinRelease(id, srow.mode()));
                        continue;
                    }
                }
            }
            for (MethodInfo m : resolver.resolveCall(mc)) {
                for (LockId id : releasesAt(mc, m)) out.add(new FinRelease(id, null));
            }
        }
        return out;
    }

    // ================================================================ conditions

    /**
     * A test of a lock's own hold count by this thread: {@code rw.getReadHoldCount() > 0} (or
     * {@code == 0}, {@code != 0}), {@code getWriteHoldCount()}, {@code getHoldCount()},
     * {@code isHeldByCurrentThread()}, {@code isWriteLockedByCurrentThread()}. The branch where the
     * count is zero knows the lock (in that mode) is not held; null when {@code e} is no such test.
     */
    private Branches holdCountTest(Expression e, State st) {
        MethodCallExpr call;
        boolean trueMeansHeld;
        if (e instanceof MethodCallExpr mc && mc.getArguments().isEmpty()
                && (mc.getNameAsString().equals("isHeldByCurrentThread") || mc.getNameAsString().equals("isWriteLockedByCurrentThread"))) {
            call = mc;
            trueMeansHeld = true;
        } else if (e instanceof BinaryExpr be && strip(be.getLeft()) instanceof MethodCallExpr mc && mc.getArguments().isEmpty()
                && HOLD_COUNTS.contains(mc.getNameAsString()) && isZero(be.getRight())) {
            call = mc;
            switch (be.getOperator()) {
                case GREATER, NOT_EQUALS -> trueMeansHeld = true;
                case EQUALS, LESS_EQUALS -> trueMeansHeld = false;
                default -> {
                    return null;
                }
            }
        } else {
            return null;
        }
        LockRef ref = heldRefOf(call);
        if (ref == null) return null;
        State s = eval(e, st);
        if (s == null) return new Branches(null, null);
        return trueMeansHeld ? new Branches(s, s.knownNotHeld(ref)) : new Branches(s.knownNotHeld(ref), s);
    }

    private static final Set<String> HOLD_COUNTS = Set.of("getReadHoldCount", "getWriteHoldCount", "getHoldCount");

    /** The lock and mode a hold-count call is about, or null. */
    private LockRef heldRefOf(MethodCallExpr call) {
        Expression scope = call.getScope().orElse(null);
        if (scope == null) return null;
        String name = call.getNameAsString();
        if (name.equals("getReadHoldCount") || name.equals("getWriteHoldCount") || name.equals("isWriteLockedByCurrentThread")) {
            LockId id = resolver.lockIdOf(scope);
            return id == null ? null : new LockRef(id, name.equals("getReadHoldCount") ? LockMode.READ : LockMode.WRITE);
        }
        // getHoldCount / isHeldByCurrentThread: a ReentrantLock, or the write view of a read-write lock
        return resolver.viewRef(scope);
    }

    private Branches cond(Expression c, State st) {
        if (st == null) return new Branches(null, null);
        Expression e = strip(c);
        if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
            Branches b = cond(u.getExpression(), st);
            return new Branches(b.whenFalse, b.whenTrue);
        }
        Boolean fixed = assumedValue(e);
        if (fixed != null) return fixed ? new Branches(st, null) : new Branches(null, st);
        Branches guard = holdCountTest(e, st);
        if (guard != null) return guard;
        if (e instanceof BinaryExpr be) {
            switch (be.getOperator()) {
                case AND -> {
                    Branches a = cond(be.getLeft(), st);
                    Branches b = cond(be.getRight(), a.whenTrue);
                    return new Branches(b.whenTrue, State.join(a.whenFalse, b.whenFalse));
                }
                case OR -> {
                    Branches a = cond(be.getLeft(), st);
                    Branches b = cond(be.getRight(), a.whenFalse);
                    return new Branches(State.join(a.whenTrue, b.whenTrue), b.whenFalse);
                }
                case EQUALS, NOT_EQUALS -> {
                    Expression other = isZero(be.getRight()) ? be.getLeft() : isZero(be.getLeft()) ? be.getRight() : null;
                    if (other != null) {
                        lastTryCall = null;
                        State s = eval(other, st);
                        Held cand = candidate(other, s);
                        if (cand != null && s != null) {
                            State held = s.acquire(cand);
                            return be.getOperator() == BinaryExpr.Operator.NOT_EQUALS ? new Branches(held, s) : new Branches(s, held);
                        }
                        return new Branches(s, s);
                    }
                }
                default -> {
                }
            }
        }
        lastTryCall = null;
        State s = eval(e, st);
        Held cand = candidate(e, s);
        if (cand != null && s != null) return new Branches(s.acquire(cand), s);
        return new Branches(s, s);
    }

    /** The value the caller gave a boolean parameter tested here ({@code if (isWrite)}), or null. */
    private Boolean assumedValue(Expression e) {
        if (assumed.isEmpty() || !(e instanceof NameExpr n)) return null;
        Boolean v = assumed.get(n.getNameAsString());
        if (v == null) return null;
        Resolver.VarDecl d = resolver.findLocal(n.getNameAsString(), n);
        return d != null && d.declNode() instanceof com.github.javaparser.ast.body.Parameter p
                && Trees.parent(p) == body.owner() ? v : null;
    }

    /**
     * The summary of a callee at this call: when an argument is a boolean constant given to a
     * parameter the callee branches on ({@code doLock(false)}), the summary of that branch.
     */
    private Summary summaryAt(MethodCallExpr mc, MethodInfo m) {
        for (int i = 0; i < mc.getArguments().size() && i < m.arity; i++) {
            if (strip(mc.getArgument(i)) instanceof com.github.javaparser.ast.expr.BooleanLiteralExpr b
                    && "boolean".equals(m.paramTypes.get(i)) && branchesOn(m, i)) {
                return summaries.variant(m, i, b.getValue());
            }
        }
        return summaries.of(m);
    }

    /** Whether a method tests its boolean parameter directly ({@code if (write)}, {@code write ? a : b}). */
    private boolean branchesOn(MethodInfo m, int i) {
        // asked at every call with a boolean literal: read once per method and parameter
        return m.body != null && summaries.memoParameterTest(m, i, BodyAnalyzer::testsParameter);
    }

    static boolean testsParameter(MethodInfo m, int i) {
        String name = m.decl.getParameter(i).getNameAsString();
        return m.body.findFirst(Expression.class, x -> {
            Expression c = x instanceof com.github.javaparser.ast.expr.ConditionalExpr ce ? ce.getCondition()
                    : Trees.parent(x) instanceof IfStmt is && is.getCondition() == x ? x : null;
            if (c == null) return false;
            c = strip(c);
            if (c instanceof UnaryExpr u) c = strip(u.getExpression());
            return c instanceof NameExpr n && n.getNameAsString().equals(name);
        }).isPresent();
    }

    /** The hold a condition's truth gives: a try-acquire call just evaluated, or a variable bound to one. */
    private Held candidate(Expression e, State s) {
        if (s == null) return null;
        Expression x = strip(e);
        if (x instanceof AssignExpr a) x = strip(a.getValue());
        if (x == lastTryCall && lastTryHeld != null) return lastTryHeld;
        if (strip(e) instanceof NameExpr n) {
            State.Binding b = s.vars.get(n.getNameAsString());
            if (b != null && b.pending() && !s.holds(b.held().ref())) return b.held();
        }
        if (strip(e) instanceof AssignExpr a && a.getTarget() instanceof NameExpr n) {
            State.Binding b = s.vars.get(n.getNameAsString());
            if (b != null && b.pending()) return b.held();
        }
        return null;
    }

    private static boolean isZero(Expression e) {
        Expression x = strip(e);
        if (x instanceof IntegerLiteralExpr i) return i.getValue().equals("0");
        if (x instanceof LongLiteralExpr l) return l.getValue().equalsIgnoreCase("0L");
        return false;
    }

    private static boolean isTrue(Expression e) {
        return strip(e) instanceof com.github.javaparser.ast.expr.BooleanLiteralExpr b && b.getValue();
    }

    // ================================================================ expressions

    private State eval(Expression e, State st) {
        if (st == null || e == null) return st;
        if (e instanceof MethodCallExpr mc) return call(mc, st);
        if (e instanceof LambdaExpr) return st;
        if (e instanceof ObjectCreationExpr oce) {
            if (oce.getScope().isPresent()) st = eval(oce.getScope().get(), st);
            for (Expression a : oce.getArguments()) st = eval(a, st);
            reach(ProjectIndex.simple(oce.getType()), st);
            return st;
        }
        if (e instanceof MethodReferenceExpr mr) {
            if (mr.getScope() instanceof com.github.javaparser.ast.expr.TypeExpr te) reach(ProjectIndex.simple(te.getType()), st);
            else reach(resolver.typeOf(mr.getScope()), st);
            return st;
        }
        if (e instanceof VariableDeclarationExpr vde) {
            for (VariableDeclarator v : vde.getVariables()) {
                if (v.getInitializer().isPresent()) st = assign(v.getNameAsString(), v.getInitializer().get(), st);
                if (st == null) return null;
            }
            return st;
        }
        if (e instanceof AssignExpr a) {
            if (a.getTarget() instanceof NameExpr n && a.getOperator() == AssignExpr.Operator.ASSIGN) {
                return assign(n.getNameAsString(), a.getValue(), st);
            }
            st = eval(a.getTarget(), st);
            return eval(a.getValue(), st);
        }
        if (e instanceof ConditionalExpr ce) {
            Branches b = cond(ce.getCondition(), st);
            return State.join(eval(ce.getThenExpr(), b.whenTrue), eval(ce.getElseExpr(), b.whenFalse));
        }
        if (e instanceof BinaryExpr be && (be.getOperator() == BinaryExpr.Operator.AND || be.getOperator() == BinaryExpr.Operator.OR)) {
            Branches b = cond(be, st);
            return State.join(b.whenTrue, b.whenFalse);
        }
        if (e instanceof SwitchExpr sw) {
            st = eval(sw.getSelector(), st);
            return switchEntries(sw.getEntries(), st);
        }
        for (Node c : e.getChildNodes()) {
            if (c instanceof Expression x) st = eval(x, st);
            if (st == null) return null;
        }
        return st;
    }

    private State assign(String var, Expression value, State st) {
        lastTryCall = null;
        lastStampCall = null;
        st = eval(value, st);
        if (st == null) return null;
        Expression v = strip(value);
        if (v == lastStampCall && lastStampHeld != null) return st.bind(var, new State.Binding(lastStampHeld, false));
        if (v == lastTryCall && lastTryHeld != null) return st.bind(var, new State.Binding(lastTryHeld, true));
        return st.vars.containsKey(var) ? st.bind(var, null) : st;
    }

    private State call(MethodCallExpr mc, State st) {
        String name = mc.getNameAsString();
        int argc = mc.getArguments().size();
        Expression scope = mc.getScope().orElse(null);

        if (scope != null) {
            LockApis.Row row = LockApis.match(Family.LOCK_VIEW, name, argc);
            if (row != null) {
                LockRef ref = resolver.viewRef(scope);
                if (ref != null) return lockOp(mc, ref, resolver.instanceOf(scope), row, args(mc, st));
            }
            LockApis.Row srow = LockApis.match(Family.STAMPED, name, argc);
            if (srow != null) {
                LockId id = resolver.stampedOf(scope);
                if (id != null) return stampOp(mc, id, resolver.instanceOf(scope), srow, args(mc, st));
            }
            LockApis.Row hrow = handleRow(scope, name, argc);
            if (hrow != null) {
                LockRef ref = resolver.viewRef(scope);
                if (ref != null) return lockOp(mc, ref, resolver.instanceOf(scope), hrow, args(mc, st));
            }
            if (argc == 0 && VIEW_GETTERS.contains(name) && resolver.lockOf(scope) != null) return st;
        }
        if (scope != null) st = eval(scope, st);
        st = args(mc, st);
        if (st == null) return null;
        List<Resolver.ManagedLock> managed = resolver.managedLocks(mc);
        if (managed != null) {
            for (Resolver.ManagedLock m : managed) st = lockOp(mc, m.ref(), m.instance(), ACQUIRE_ROW, st);
            return st;
        }

        Handoffs.Row h = null;
        String receiverType = null;
        if (Handoffs.isCandidateName(name)) {
            if (scope == null) {
                TypeInfo t = resolver.index().enclosingType(mc);
                receiverType = t == null ? "Object" : t.isAnonymous() ? t.superNames.get(0) : t.simpleName;
            } else {
                receiverType = resolver.typeOf(scope);
            }
            if (receiverType != null) h = Handoffs.match(resolver.index().selfAndSupers(receiverType), name, argc);
            if (h == null && name.equals("wait")) h = Handoffs.objectWait(argc);
            if (h != null && h.insert() && scope != null && !insertCanWait(scope)) h = null;
        }
        if (h != null) {
            LockId condOf = h.type().equals("Condition") && scope != null ? resolver.conditionOwner(scope) : null;
            String what = (receiverType != null && !receiverType.equals("Object") ? receiverType : h.type()) + "." + name;
            record(new Obs.Block(st.held, h, receiverType, condOf, mc,
                    List.of(step(mc, what + (h.timed() ? " waits (timed)" : " blocks") + " until another thread acts")),
                    Set.copyOf(releasedNotHeld), mc), true);
            throwPoint(st, mc);
            return st;
        }

        int fn = functionalParameter(scope);
        if (fn >= 0) {
            record(new Obs.Invoke(st.held, fn, mc, List.of(step(mc, "runs its argument (" + callText(mc) + ")"))), false);
            askCallersUnderLock(st);
        }
        List<MethodInfo> callees = resolver.resolveCall(mc);
        if (scope != null && fn < 0 && resolver.mayRunRegisteredLambda(name)) lambdaListeners(mc, scope, callees, st);
        if (callees.isEmpty() && scope != null) reachReceiver(scope, st);
        if (!callees.isEmpty()) {
            // what the callee hands back held cannot leak through the callee's own exception, and a
            // callee that releases a hold is that hold's release, not a leak of it
            Set<LockId> released = new HashSet<>();
            for (MethodInfo m : callees) released.addAll(releasesAt(mc, m));
            if (!cannotThrow(callees, 0)) throwPoint(st.releaseAll(released), mc);
            return applySummaries(mc, callees, st);
        }
        if (!NON_THROWING.contains(name)) throwPoint(st, mc);
        return st;
    }

    private static String fileName(ParsedFile f) {
        String p = f.source().relPath().replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** The lambda listeners being run by calls up this thread's stack (a listener that fires its own event). */
    private static final ThreadLocal<Set<LambdaExpr>> RUNNING_LISTENERS =
            ThreadLocal.withInitial(() -> java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));

    /**
     * A call on an interface of the sources whose implementations include lambdas registered
     * somewhere ({@code l.exhausted(name, inUse)} over listeners added by
     * {@code pool.addListener((n, used) -> pool.trim(used / 2))}): each lambda given to a method of
     * this object's class runs here, as a callee, and the object it was registered with is this
     * one ({@code pool} is {@code this}): its locks are this body's.
     */
    private void lambdaListeners(MethodCallExpr mc, Expression scope, List<MethodInfo> callees, State st) {
        TypeInfo iface = resolver.typeInfoOf(scope);
        if (iface == null || !iface.isInterface) return;
        if (silent == 0 && holdsLock(st)) {
            // the files that give it lambdas call a method taking it (PoolListener: addListener):
            // the prefilter parses those naming one and its class, which may not lock themselves
            for (MethodInfo m : resolver.lambdaTakers(iface)) summaries.askCallersOf(m);
        }
        List<Resolver.Registration> regs = resolver.lambdaImplementations(iface);
        if (regs.isEmpty()) return;
        TypeInfo here = body.type();
        Set<String> mine = here == null ? Set.of() : resolver.index().selfAndSupers(here.simpleName);
        Set<LambdaExpr> running = RUNNING_LISTENERS.get();
        String evidence = regs.size() == 1 && callees.isEmpty() ? TraceStep.EXACT : TraceStep.GUESSED;
        for (Resolver.Registration r : regs) {
            LambdaExpr le = r.lambda();
            // only a lambda given to this class's own registration method is one this object keeps
            // and calls: one given to another class's method (a context's registerListener, a
            // parameter some other object captures) lives in another object's list, not this one's
            if (!mine.contains(r.method().owner.simpleName)) continue;
            if (le.getParameters().size() != mc.getArguments().size() || !running.add(le)) continue;
            try {
                TypeInfo owner = resolver.index().enclosingType(le);
                if (owner == null) continue;
                Node code = le.getBody() instanceof ExpressionStmt es ? es.getExpression() : le.getBody();
                Summary s = new BodyAnalyzer(resolver, summaries, new Body(le, code, r.file(), owner, null, "listener")).run().summary();
                if (s.events().isEmpty()) continue;
                Expression at = r.call().getScope().orElse(null);
                String registeredWith = at == null || at instanceof com.github.javaparser.ast.expr.ThisExpr ? "this" : resolver.objPath(at);
                if (silent == 0) {
                    frontier.addAll(s.frontier());
                    if (holdsLock(st)) summaries.need(s.frontier());
                }
                int line = le.getBegin().map(p -> p.line).orElse(0);
                replay(mc, mc, Substitution.forLambda(resolver, mc, registeredWith), s, st,
                        () -> new TraceStep(file, line(mc), "calls the " + iface.simpleName + " lambda of " + fileName(r.file()) + ":" + line
                                + " (given to " + r.method().name + "())", evidence));
            } finally {
                running.remove(le);
            }
        }
    }

    /**
     * Whether every target of a call returns without running anything that can throw: its body is
     * one {@code return} of a lambda, a method reference on {@code this} or a type, a constant, a
     * variable, or a call of the same kind with such arguments
     * ({@code getLockReportInfoSupplier(src)} -> ... -> {@code return () -> ...}). Such a call
     * before an unlock ({@code writeUnlock(op, getLockReportInfoSupplier(src))}) is no throw point.
     */
    private boolean cannotThrow(List<MethodInfo> callees, int depth) {
        if (callees.isEmpty() || depth > 4) return false;
        for (MethodInfo m : callees) {
            if (m.body == null || m.body.getStatements().size() != 1 || !(m.body.getStatement(0) instanceof ReturnStmt rs)
                    || rs.getExpression().isEmpty() || !inert(rs.getExpression().get(), depth)) {
                return false;
            }
        }
        return true;
    }

    /** An expression whose evaluation cannot throw (see {@link #cannotThrow}). */
    private boolean inert(Expression e, int depth) {
        Expression x = e;
        while (x instanceof EnclosedExpr en) x = en.getInner();
        // a cast can fail, except of null
        if (x instanceof CastExpr c) return c.getExpression() instanceof com.github.javaparser.ast.expr.NullLiteralExpr;
        if (x instanceof com.github.javaparser.ast.expr.LiteralExpr || x instanceof LambdaExpr || x instanceof NameExpr
                || x instanceof com.github.javaparser.ast.expr.ThisExpr) {
            return true;
        }
        if (x instanceof MethodReferenceExpr mr) {
            return mr.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr || mr.getScope() instanceof com.github.javaparser.ast.expr.TypeExpr;
        }
        if (x instanceof MethodCallExpr mc && (mc.getScope().isEmpty() || mc.getScope().get() instanceof com.github.javaparser.ast.expr.ThisExpr)) {
            for (Expression a : mc.getArguments()) if (!inert(a, depth)) return false;
            return cannotThrow(resolver.resolveCall(mc), depth + 1);
        }
        return false;
    }

    /** Functional interfaces whose one method runs the caller's code: a parameter of these types is a callback. */
    private static final Set<String> FUNCTIONAL = Set.of(
            "Runnable", "Callable", "Supplier", "Consumer", "BiConsumer", "Function", "BiFunction", "Predicate",
            "BiPredicate", "UnaryOperator", "BinaryOperator", "IntSupplier", "LongSupplier", "BooleanSupplier",
            "DoubleSupplier", "IntFunction", "ToIntFunction", "ToLongFunction", "IntConsumer", "LongConsumer",
            "CheckedRunnable", "CheckedSupplier", "ThrowingRunnable", "ThrowingSupplier");

    /** The index of this method's parameter {@code scope} names when it is a callback ({@link #FUNCTIONAL}); -1 otherwise. */
    private int functionalParameter(Expression scope) {
        if (!(scope instanceof NameExpr n) || !(body.owner() instanceof com.github.javaparser.ast.body.CallableDeclaration<?> cd)) return -1;
        Resolver.VarDecl d = resolver.findLocal(n.getNameAsString(), n);
        if (d == null || !(d.declNode() instanceof com.github.javaparser.ast.body.Parameter p) || Trees.parent(p) != cd) return -1;
        String type = ProjectIndex.simple(p.getType());
        if (!FUNCTIONAL.contains(type) && !functionalInSources(type, p)) return -1;
        return Resolver.parameterIndex(p);
    }

    /**
     * This method runs a callback its caller gives while holding a lock ({@code within(callback)}
     * under its gate): the files that call it, which may name no lock themselves, hold the
     * callbacks that run under it. The prefilter parses them in this same round.
     */
    private void askCallersUnderLock(State st) {
        if (silent == 0 && body.method() != null && holdsLock(st)) summaries.askCallersOf(body.method());
    }

    /**
     * An interface of the sources with exactly one abstract method of its own and no supertypes
     * ({@code interface LockedAction<E> { void run() throws E; }}): what a lambda or a method
     * reference implements.
     */
    private boolean functionalInSources(String type, Node near) {
        TypeInfo here = resolver.index().enclosingType(near);
        TypeInfo t = resolver.index().firstBySimpleName(type, here == null ? null : here.file);
        if (t == null || !t.isInterface || !t.superNames.isEmpty()) return false;
        int abstracts = 0;
        for (List<MethodInfo> ms : t.methodsView().values()) {
            for (MethodInfo m : ms) if (m.body == null && !m.decl.isStatic()) abstracts++;
        }
        return abstracts == 1;
    }

    /**
     * A callee runs the lambda given at {@code inv.param()} while holding {@code inv.held()}: walk
     * that lambda here with those locks (as this call site names them) added to ours. A callback
     * this body only passes on ({@code inLock(lock, body)} in {@code withRead(body)}) becomes this
     * body's own invocation, for its callers.
     */
    private void invokeArgument(MethodCallExpr mc, Substitution sub, Obs.Invoke inv, State st) {
        if (inv.param() >= mc.getArguments().size() || silent > 0 || Tasks.submits(mc.getNameAsString())) return;
        State in = st;
        for (Held h : inv.held()) {
            Substitution.Subst su = sub.lock(h.ref(), h.instance());
            if (su != null) in = in.acquire(new Held(su.ref(), mc, Op.ACQUIRE, su.instance()));
        }
        Expression arg = strip(mc.getArgument(inv.param()));
        if (arg instanceof LambdaExpr le) {
            inlineLambda(le, in);
        } else if (arg instanceof MethodReferenceExpr mr) {
            runReference(mc, mr, in);
        } else if (arg instanceof ObjectCreationExpr oce && oce.getAnonymousClassBody().isPresent()) {
            // an anonymous class given as the callback (`template.execute(new TxCallback<T>() {...})`):
            // the method the callee runs is walked here, as a lambda is
            for (com.github.javaparser.ast.body.MethodDeclaration md : callbackMethods(oce, inv)) inlineCallback(md, in);
        } else {
            int fn = functionalParameter(arg);
            if (fn >= 0) {
                List<TraceStep> via = new ArrayList<>();
                via.add(step(mc, "passes " + arg + " to " + mc.getNameAsString() + "()"));
                via.addAll(inv.via());
                record(new Obs.Invoke(in.held, fn, mc, List.copyOf(via)), false);
                askCallersUnderLock(in);
            }
        }
    }

    /**
     * A method reference given as the callback ({@code inLock(lock, this::send)}) runs its method
     * under the locks the callee holds there ({@code in}): that method's summary is replayed here,
     * reported at the call. Its arguments are the callee's to give: locks among its parameters are
     * dropped (a call with no arguments); an unbound {@code Type::m} has no receiver this body can name.
     */
    private void runReference(MethodCallExpr mc, MethodReferenceExpr mr, State in) {
        List<MethodInfo> targets = referenced(mr);
        if (targets.isEmpty()) return;
        MethodCallExpr bare = new MethodCallExpr(mr.getIdentifier());
        for (MethodInfo m : targets) {
            String receiver = resolver.referenceReceiver(mr, m.decl.isStatic());
            Summary s = summaries.of(m);
            frontier.addAll(s.frontier());
            if (holdsLock(in)) summaries.need(s.frontier());
            if (followsAll()) summaries.called(s.frontier());
            replay(bare, mc, new Substitution(resolver, bare, m, receiver), s, in,
                    () -> new TraceStep(file, line(mc), "calls " + m.display() + " (" + mr + ", run by " + mc.getNameAsString() + "())",
                            resolver.exact(bare, targets) ? TraceStep.EXACT : TraceStep.GUESSED));
        }
    }

    /** The methods of the sources a method reference names ({@code this::m}, {@code Type::m}, {@code expr::m}); at most four. */
    private List<MethodInfo> referenced(MethodReferenceExpr mr) {
        String name = mr.getIdentifier();
        if (name.equals("new") || mr.getScope() instanceof com.github.javaparser.ast.expr.SuperExpr) return List.of();
        TypeInfo t = resolver.referenceTarget(mr);
        if (t == null) return List.of();
        List<MethodInfo> out = new ArrayList<>();
        List<TypeInfo> types = new ArrayList<>();
        types.add(t);
        types.addAll(resolver.index().superTypeInfos(t));
        for (TypeInfo x : types) {
            for (MethodInfo m : x.methods(name)) if (m.body != null && out.size() < 4) out.add(m);
            if (!out.isEmpty()) break;
        }
        return out;
    }

    private static final LockApis.Row ACQUIRE_ROW = LockApis.match(Family.LOCK_VIEW, "lock", 0);

    /** What a call on a lock handle of {@link LockHandles} does ({@code readLock.acquire()}), as a Lock row; null if none. */
    private LockApis.Row handleRow(Expression scope, String name, int argc) {
        if (!LockHandles.isHandleMethod(name)) return null;
        String type = resolver.typeOf(scope);
        LockHandles.HandleRow row = type == null ? null : LockHandles.handle(resolver.index().selfAndSupers(type), name, argc);
        return row == null ? null : new LockApis.Row(Family.LOCK_VIEW, name, argc, row.op(), null);
    }

    /** A put into a queue created unbounded ({@code new LinkedBlockingQueue<>()}) never waits. */
    private boolean insertCanWait(Expression queue) {
        ObjectCreationExpr created = resolver.creationOf(queue);
        if (created == null) return true;
        List<String> argTypes = new ArrayList<>();
        for (Expression a : created.getArguments()) argTypes.add(resolver.typeOf(a));
        return Handoffs.insertCanWait(ProjectIndex.simple(created.getType()), argTypes);
    }

    private State args(MethodCallExpr mc, State st) {
        boolean inline = SyncCallbacks.runsArgumentInline(mc.getNameAsString());
        Held bin = inline ? binLock(mc, st) : null;
        for (Expression a : mc.getArguments()) {
            if (st == null) return null;
            if (inline && a instanceof LambdaExpr le) {
                inlineLambda(le, bin == null ? st : st.acquire(bin));
            } else if (inline && a instanceof MethodReferenceExpr mr) {
                // listeners.forEach(board::delist): the method runs here, under what this body holds
                st = eval(a, st);
                runReference(mc, mr, bin == null ? st : st.acquire(bin));
            } else {
                st = eval(a, st);
            }
        }
        return st;
    }

    /** The map methods whose mapping function runs holding the lock of the key's bin. */
    static final Set<String> BIN_LOCKING = Set.of("compute", "computeIfAbsent", "computeIfPresent", "merge");

    /**
     * {@code map.compute*(k, fn)} / {@code merge} on a {@code ConcurrentHashMap} field runs {@code fn}
     * holding the monitor of the key's bin: one lock of the family the map names (its bins). The
     * call acquires it (a monitor held here orders before the map), and the function runs under it
     * (a monitor taken inside orders after the map). Returns that hold, or null for any other call.
     */
    private Held binLock(MethodCallExpr mc, State st) {
        if (!BIN_LOCKING.contains(mc.getNameAsString()) || mc.getScope().isEmpty() || st == null) return null;
        Expression scope = strip(mc.getScope().get());
        String type = resolver.typeOf(scope);
        if (!"ConcurrentHashMap".equals(type) && !"ConcurrentMap".equals(type)) return null;
        ProjectIndex.FieldInfo f = scope instanceof NameExpr n && resolver.findLocal(n.getNameAsString(), n) == null
                ? resolver.findField(n.getNameAsString(), n)
                : scope instanceof com.github.javaparser.ast.expr.FieldAccessExpr fa ? resolver.fieldOf(fa) : null;
        if (f == null) return null;
        LockRef ref = new LockRef(new LockId(f.owner.qualifiedName, f.owner.simpleName, f.name + ".bin", null), LockMode.MONITOR);
        Held h = new Held(ref, mc, Op.ACQUIRE, null);
        record(new Obs.Acquire(st.held, ref, Op.ACQUIRE, loopDepth > 0, mc,
                List.of(step(mc, mc.getNameAsString() + "() locks the key's bin of " + f.name + " while its function runs")),
                Set.copyOf(releasedNotHeld), null), true);
        return h;
    }

    /**
     * The methods of an anonymous class given as a callback that the callee runs: those named as
     * the callee's call on its parameter ({@code callback.doInTx()}), else the class's only
     * instance method with a body. At most four.
     */
    private static List<com.github.javaparser.ast.body.MethodDeclaration> callbackMethods(ObjectCreationExpr oce, Obs.Invoke inv) {
        List<com.github.javaparser.ast.body.MethodDeclaration> all = new ArrayList<>();
        for (com.github.javaparser.ast.body.BodyDeclaration<?> member : oce.getAnonymousClassBody().get()) {
            if (member instanceof com.github.javaparser.ast.body.MethodDeclaration md && !md.isStatic() && md.getBody().isPresent()) all.add(md);
        }
        String name = inv.node() instanceof MethodCallExpr call && call.getScope().isPresent() && call.getScope().get() instanceof NameExpr
                ? call.getNameAsString() : null;
        List<com.github.javaparser.ast.body.MethodDeclaration> named = new ArrayList<>();
        for (com.github.javaparser.ast.body.MethodDeclaration md : all) if (md.getNameAsString().equals(name) && named.size() < 4) named.add(md);
        if (!named.isEmpty()) return named;
        return all.size() == 1 ? all : List.of();
    }

    /** An anonymous class's callback method run by the callee before it returns: walked like {@link #inlineLambda}. */
    private void inlineCallback(com.github.javaparser.ast.body.MethodDeclaration md, State st) {
        inlineLambdas.push(md);
        breaks.push(new ArrayList<>());
        int outerBase = lambdaFrames;
        lambdaFrames = frames.size();
        try {
            stmt(md.getBody().get(), st);
        } finally {
            lambdaFrames = outerBase;
            breaks.pop();
            inlineLambdas.pop();
        }
    }

    /** A lambda run on this thread before the call returns: its body sees what the caller holds. */
    private void inlineLambda(LambdaExpr le, State st) {
        inlineLambdas.push(le);
        breaks.push(new ArrayList<>());
        // the lambda is code of its own: a try/finally around the call that runs it still releases
        // what was held before, but does not pair with an acquisition inside the lambda (a callback
        // that locks and unlocks in its own finally, run from inside a try whose finally takes and
        // releases the same lock, is not "acquired inside the try")
        int outerBase = lambdaFrames;
        lambdaFrames = frames.size();
        try {
            if (le.getBody() instanceof BlockStmt b) stmt(b, st);
            else if (le.getBody() instanceof ExpressionStmt es) eval(es.getExpression(), st);
        } finally {
            lambdaFrames = outerBase;
            breaks.pop();
            inlineLambdas.pop();
        }
    }

    private State lockOp(MethodCallExpr mc, LockRef ref, String instance, LockApis.Row row, State st) {
        if (st == null) return null;
        switch (row.op()) {
            case ACQUIRE -> {
                record(new Obs.Acquire(st.held, ref, Op.ACQUIRE, loopDepth > 0, mc,
                        List.of(step(mc, "acquires " + ref.describe())), Set.copyOf(releasedNotHeld), instance,
                        st.notHeld.contains(ref)), true);
                Held h = new Held(ref, mc, Op.ACQUIRE, instance);
                checkInsideTry(h);
                countHold(mc, ref, true);
                return st.acquire(h);
            }
            case TRY, TIMED_TRY -> {
                record(new Obs.Acquire(st.held, ref, row.op(), loopDepth > 0, mc,
                        List.of(step(mc, "tries to acquire " + ref.describe())), Set.copyOf(releasedNotHeld), instance), true);
                lastTryCall = mc;
                lastTryHeld = new Held(ref, mc, row.op(), instance);
                return st;
            }
            case RELEASE -> {
                return release(mc, ref, false, null, st);
            }
            default -> {
                return st;
            }
        }
    }

    private State stampOp(MethodCallExpr mc, LockId id, String instance, LockApis.Row row, State st) {
        if (st == null) return null;
        switch (row.op()) {
            case ACQUIRE -> {
                LockRef ref = new LockRef(id, row.mode());
                record(new Obs.Acquire(st.held, ref, Op.ACQUIRE, loopDepth > 0, mc,
                        List.of(step(mc, "acquires " + ref.describe())), Set.copyOf(releasedNotHeld), instance), true);
                Held h = new Held(ref, mc, Op.ACQUIRE, instance);
                checkInsideTry(h);
                lastStampCall = mc;
                lastStampHeld = h;
                countHold(mc, ref, true);
                return st.acquire(h);
            }
            case TRY, TIMED_TRY -> {
                LockRef ref = new LockRef(id, row.mode());
                record(new Obs.Acquire(st.held, ref, row.op(), loopDepth > 0, mc,
                        List.of(step(mc, "tries to acquire " + ref.describe())), Set.copyOf(releasedNotHeld), instance), true);
                lastTryCall = mc;
                lastTryHeld = new Held(ref, mc, row.op(), instance);
                return st;
            }
            case CONVERT -> {
                LockRef ref = new LockRef(id, row.mode());
                record(new Obs.Acquire(st.held, ref, Op.CONVERT, loopDepth > 0, mc,
                        List.of(step(mc, "converts its stamp to a " + ref.describe())), Set.copyOf(releasedNotHeld), instance), true);
                return st;
            }
            case RELEASE -> {
                State.Binding b = mc.getArguments().size() == 1 && strip(mc.getArgument(0)) instanceof NameExpr n
                        ? st.vars.get(n.getNameAsString()) : null;
                LockMode stampMode = b == null ? null : b.held().ref().mode();
                if (row.mode() == null) {
                    LockRef ref = stampMode != null ? new LockRef(id, stampMode) : new LockRef(id, LockMode.STAMP_READ);
                    return release(mc, ref, stampMode == null, stampMode, st);
                }
                return release(mc, new LockRef(id, row.mode()), false, stampMode, st);
            }
            default -> {
                return st;
            }
        }
    }

    private State release(MethodCallExpr mc, LockRef ref, boolean anyMode, LockMode stampMode, State st) {
        obs.add(new Obs.Release(st.held, ref, anyMode, stampMode, mc, List.of(step(mc, "releases " + ref.describe()))));
        releasedAnywhere.add(ref.id());
        State r = st.release(ref, anyMode);
        if (r == null) {
            r = st.release(ref, true);
            if (r == null) {
                releasedNotHeld.add(ref.id());
                return st;
            }
        }
        return r;
    }

    /**
     * Code of a type whose source was not parsed runs here: it is this body's frontier, and
     * needed at once when a lock is held (the prefilter parses it next round).
     */
    private void reach(String type, State st) {
        if (silent > 0 || !summaries.unparsed(type)) return;
        frontier.add(type);
        if (st != null && holdsLock(st)) summaries.need(Set.of(type));
        if (followsAll()) summaries.called(Set.of(type));
    }

    /**
     * The code a call on {@code scope} may run: its type's; when the syntax cannot type it because
     * it is a field of an object whose class was not parsed ({@code pipeline.stage.transfer(x)}),
     * that class's, whose file says what the field is.
     */
    private void reachReceiver(Expression scope, State st) {
        String type = resolver.typeOf(scope);
        Expression x = scope;
        while (type == null && x instanceof com.github.javaparser.ast.expr.FieldAccessExpr fa) {
            x = fa.getScope();
            type = resolver.typeOf(x);
        }
        reach(type, st);
    }

    /**
     * Whether calls here lead the prefilter to their callees whatever is held: inside a mapping
     * function or cache loader ({@link MappingFunctions}) of a seed of the non-lock checks.
     */
    private boolean followsAll() {
        if (!summaries.followsAllCalls(body.file())) return false;
        Node fn = !inlineLambdas.isEmpty() ? inlineLambdas.peek()
                : body.owner() instanceof LambdaExpr ? body.owner()
                : body.type() != null && body.type().isAnonymous() ? body.type().node : null;
        return fn != null && MappingFunctions.within(fn);
    }

    /**
     * Whether a java.util.concurrent lock is held: what makes the prefilter parse the code called
     * here. Monitors alone do not: files that synchronize are parsed anyway (the word makes them
     * seeds), and following every call out of every synchronized method would parse most of a
     * project for the lock-order check alone.
     */
    private static boolean holdsLock(State st) {
        for (Held h : st.held) if (h.ref().mode() != LockMode.MONITOR) return true;
        return false;
    }

    private State applySummaries(MethodCallExpr mc, List<MethodInfo> callees, State st) {
        // a call whose one target the syntax fixes is exact; one that could run several methods is
        // guessed (asked only when an event of a callee passes through this call: most calls have none)
        String evidence = null;
        Set<LockId> releases = new LinkedHashSet<>();
        List<Held> exitHeld = null;
        String receiver = receiverPath(mc);
        for (MethodInfo m : callees) {
            Summary s = summaryAt(mc, m);
            Substitution sub = new Substitution(resolver, mc, m, receiver);
            if (silent == 0) {
                frontier.addAll(s.frontier());
                if (holdsLock(st)) summaries.need(s.frontier());
                if (followsAll()) summaries.called(s.frontier());
            }
            String[] ev = {evidence};
            replay(mc, mc, sub, s, st, () -> {
                if (ev[0] == null) ev[0] = resolver.exact(mc, callees) ? TraceStep.EXACT : TraceStep.GUESSED;
                return new TraceStep(file, line(mc), "calls " + m.display(), ev[0]);
            });
            evidence = ev[0];
            releases.addAll(substituted(sub, s.releases()));
            List<Held> mine = new ArrayList<>();
            for (Held h : s.exitHeld()) {
                Substitution.Subst su = sub.lock(h.ref(), h.instance());
                if (su != null) mine.add(new Held(su.ref(), mc, Op.ACQUIRE, su.instance()));
            }
            if (exitHeld == null) {
                exitHeld = mine;
            } else {
                exitHeld.removeIf(h -> mine.stream().noneMatch(x -> x.ref().equals(h.ref())));
            }
        }
        for (LockId id : releases) {
            if (!st.holdsAny(id)) releasedNotHeld.add(id);
            releasedAnywhere.add(id);
        }
        st = st.releaseAll(releases);
        if (exitHeld != null) for (Held h : exitHeld) {
            countHold(mc, h.ref(), false);
            st = st.acquire(h);
        }
        return st;
    }

    /**
     * Records a callee's summary events as this body's own, at {@code site}, with this body's holds
     * {@code st}: {@code sub} names the callee's locks as this call does, {@code first} gives the
     * trace step that enters the callee (asked only when an event passes: most callees have none).
     */
    private void replay(MethodCallExpr mc, Node site, Substitution sub, Summary s, State st,
                        java.util.function.Supplier<TraceStep> first) {
        TraceStep call = null;
        for (Obs e : s.events()) {
            if (e.via().size() >= MAX_TRACE) continue;
            if (e instanceof Obs.Invoke inv) {
                invokeArgument(mc, sub, inv, st);
                continue;
            }
            Substitution.Subst su = e instanceof Obs.Acquire a ? sub.lock(a.ref(), a.instance()) : null;
            if (e instanceof Obs.Acquire && su == null) continue; // a lock this caller cannot name
            // guarded by the lock's own hold count: it does not happen for a caller holding the lock
            if (e instanceof Obs.Acquire a && a.unlessHeld() && st.holds(su.ref())) continue;
            Set<LockId> rb = substituted(sub, e instanceof Obs.Acquire a ? a.releasedBefore() : ((Obs.Block) e).releasedBefore());
            List<Held> held = without(st.held, rb);
            if (call == null) call = first.get();
            List<TraceStep> via = new ArrayList<>(e.via().size() + 1);
            via.add(call);
            via.addAll(e.via());
            Set<LockId> before = new LinkedHashSet<>(releasedNotHeld);
            for (LockId id : rb) if (!st.holdsAny(id)) before.add(id);
            Obs x = e instanceof Obs.Acquire a
                    ? new Obs.Acquire(held, su.ref(), a.op(), a.inLoop(), site, List.copyOf(via), Set.copyOf(before),
                    su.instance(), a.unlessHeld() || st.notHeld.contains(su.ref()))
                    : new Obs.Block(held, ((Obs.Block) e).handoff(), ((Obs.Block) e).receiverType(),
                    ((Obs.Block) e).conditionOf(), site, List.copyOf(via), Set.copyOf(before), ((Obs.Block) e).origin());
            // a hold-count-guarded acquisition that runs here is kept for the checks even with
            // nothing held: it tells them this caller does not hold the lock (ProjectFacts.everyCallerHolds);
            // so is one the substitution named (a helper's parameter: LockUtil.acquireWrite(lock)): this
            // call is the only place where that lock is seen taken (ProjectFacts.isWriteAcquired)
            record(x, !held.isEmpty() || x instanceof Obs.Acquire xa
                    && (xa.unlessHeld() || !xa.ref().id().equals(((Obs.Acquire) e).ref().id())));
        }
    }

    /** The locks a callee releases without acquiring them, as this call site names them. */
    private Set<LockId> releasesAt(MethodCallExpr mc, MethodInfo m) {
        Set<LockId> r = summaries.of(m).releases();
        if (r.isEmpty()) return r;
        return substituted(new Substitution(resolver, mc, m, receiverPath(mc)), r);
    }

    private static Set<LockId> substituted(Substitution sub, Set<LockId> ids) {
        if (ids.isEmpty()) return ids;
        Set<LockId> out = new LinkedHashSet<>();
        for (LockId id : ids) {
            LockId x = sub.id(id);
            if (x != null) out.add(x);
        }
        return out;
    }

    /** The object a call runs on, as a path from this body: "this" for an implicit, this. or super. call. */
    private String receiverPath(MethodCallExpr mc) {
        Expression scope = mc.getScope().orElse(null);
        if (scope == null || scope instanceof com.github.javaparser.ast.expr.ThisExpr
                || scope instanceof com.github.javaparser.ast.expr.SuperExpr) {
            return "this";
        }
        return resolver.objPath(scope);
    }

    /** A monitor's instance: the object whose field it is ("" for a static field or a class literal). */
    private String monitorInstance(Expression e) {
        Expression x = strip(e);
        if (x instanceof com.github.javaparser.ast.expr.ThisExpr te) {
            // Outer.this in an inner class is another object than this: unknown as a path
            return te.getTypeName().isEmpty() || body.type() == null
                    || te.getTypeName().get().getIdentifier().equals(body.type().simpleName) ? "this" : null;
        }
        if (x instanceof com.github.javaparser.ast.expr.ClassExpr) return "";
        String path = resolver.objPath(x);
        if (path == null) return null;
        if (path.startsWith("static:")) return "";
        int dot = path.lastIndexOf('.');
        return dot > 0 ? path.substring(0, dot) : path;
    }

    private static List<Held> without(List<Held> held, Set<LockId> ids) {
        if (ids.isEmpty() || held.isEmpty()) return held;
        List<Held> out = new ArrayList<>();
        for (Held h : held) if (!ids.contains(h.ref().id())) out.add(h);
        return List.copyOf(out);
    }

    // ================================================================ recording

    /**
     * Records an observation for the checks (when {@code forChecks}) and, for acquisitions and
     * handoffs, as an event of this body's summary.
     */
    private void record(Obs o, boolean forChecks) {
        if (silent > 0) return;
        if (forChecks) obs.add(o);
        Object key;
        if (o instanceof Obs.Acquire a) {
            key = new AcquireKey(a.ref(), a.instance(), a.op(), a.inLoop(), a.releasedBefore());
        } else if (o instanceof Obs.Block b) {
            key = new BlockKey(b.handoff(), b.conditionOf(), b.releasedBefore());
        } else if (o instanceof Obs.Invoke i) {
            List<Object> held = new ArrayList<>(2 * i.held().size());
            for (Held h : i.held()) {
                held.add(h.ref());
                held.add(h.instance());
            }
            key = new InvokeKey(i.param(), held);
        } else {
            return;
        }
        if (events.size() >= MAX_EVENTS && !events.containsKey(key)) return;
        keepShortest(events, key, o);
    }

    /*
     * What makes two events of a summary the same event (records, not strings: a key is built for
     * every event of every callee at every call site, and printing locks into strings was a tenth
     * of the walk).
     */
    private record AcquireKey(LockRef ref, String instance, LockApis.Op op, boolean inLoop, Set<LockId> releasedBefore) {
    }

    private record BlockKey(Handoffs.Row handoff, LockId conditionOf, Set<LockId> releasedBefore) {
    }

    private record InvokeKey(int param, List<Object> held) {
    }

    /**
     * One event a key, by its shortest path: parsing more code (a scan without the prefilter) may
     * find a longer way to the same event first, which must not take the place of the short one
     * and then be cut at {@link #MAX_TRACE}. Ties keep the first found; a body is walked in a fixed order.
     */
    static void keepShortest(Map<Object, Obs> events, Object key, Obs o) {
        Obs had = events.putIfAbsent(key, o);
        if (had != null && o.via().size() < had.via().size()) events.put(key, o);
    }

    /** A point where an exception may leave the body: every hold not covered by an enclosing finally leaks. */
    private void throwPoint(State st, Node at) {
        if (st == null || silent > 0 || st.held.isEmpty()) return;
        for (Held h : st.held) {
            if (h.ref().mode() == LockMode.MONITOR || covered(h) || givenBack(h)) continue;
            if (unsafeSites.add(h.acquiredAt())) {
                String what = at instanceof MethodCallExpr mc ? callText(mc) + " (line " + line(mc) + ")" : "the throw at line " + line(at);
                obs.add(new Obs.Unsafe(st.held, h, "if " + what + " throws, nothing releases it", at,
                        List.of(step(at, what + " may throw"))));
            }
        }
    }

    /**
     * A re-acquisition of a lock this body released without holding it: the caller's hold, given
     * back before returning (unlock, wait, lock again in a finally), which the caller's own finally
     * releases.
     */
    private boolean givenBack(Held h) {
        return releasedNotHeld.contains(h.ref().id());
    }

    private void checkExit(State st, Node at, String what) {
        if (st == null || silent > 0) return;
        for (Held h : st.held) {
            if (h.op() != Op.ACQUIRE || h.ref().mode() == LockMode.MONITOR || covered(h) || givenBack(h)) continue;
            if (unsafeSites.add(h.acquiredAt())) {
                obs.add(new Obs.Unsafe(st.held, h, what, at, List.of(step(at, "exits holding " + h.ref().describe()))));
            }
        }
    }

    private void checkInsideTry(Held h) {
        if (silent > 0) return;
        int own = frames.size() - lambdaFrames;
        for (Frame f : frames) {
            if (own-- <= 0) return; // a try around the call that runs this lambda pairs with nothing in it
            boolean releases = f.releases.stream().anyMatch(r -> r.covers(h.ref()));
            if (!releases) continue;
            // the finally pairs with a hold the try started out with (a reentrant inner acquisition,
            // or a StampedLock stamp converted inside the try and released with unlock(stamp))
            boolean heldBefore = f.entryHeld.stream().anyMatch(x -> x.ref().id().equals(h.ref().id()));
            if (!heldBefore && unsafeSites.add(h.acquiredAt())) {
                obs.add(new Obs.Unsafe(List.of(), h, "it is acquired inside the try whose finally releases it: if the "
                        + "acquisition itself fails, the finally releases a lock this thread does not hold",
                        h.acquiredAt(), List.of(step(h.acquiredAt(), "acquired inside the try"))));
            }
            return;
        }
    }

    /** The state a return leaves with: every enclosing finally runs its releases on the way out. */
    private State throughFinally(State st) {
        for (Frame f : frames) {
            for (FinRelease r : f.releases) {
                for (Held h : st.held) {
                    if (r.covers(h.ref())) {
                        st = orSelf(st.release(h.ref(), false), st);
                        break;
                    }
                }
            }
        }
        return st;
    }

    private boolean covered(Held h) {
        for (Frame f : frames) if (f.covers(h.ref())) return true;
        return false;
    }

    private Branches silently(java.util.function.Supplier<Branches> s) {
        silent++;
        Node tc = lastTryCall;
        Held th = lastTryHeld;
        try {
            return s.get();
        } finally {
            silent--;
            lastTryCall = tc;
            lastTryHeld = th;
        }
    }

    // ================================================================ helpers

    private LockId monitorOf(Expression e) {
        Expression x = strip(e);
        TypeInfo t = resolver.index().enclosingType(x);
        String owner = t == null ? "" : t.qualifiedName;
        String ownerName = t == null ? "" : t.simpleName;
        if (x instanceof com.github.javaparser.ast.expr.ThisExpr te) {
            if (te.getTypeName().isPresent()) {
                TypeInfo outer = resolver.index().firstBySimpleName(te.getTypeName().get().getIdentifier(), body.file());
                if (outer != null) return new LockId(outer.qualifiedName, outer.simpleName, "this", null);
            }
            return new LockId(owner, ownerName, "this", null);
        }
        if (x instanceof com.github.javaparser.ast.expr.ClassExpr c) {
            String simple = ProjectIndex.simple(c.getType());
            TypeInfo ct = resolver.index().firstBySimpleName(simple, body.file());
            return ct != null ? classMonitor(ct) : new LockId(simple, simple, "class", null);
        }
        if (x instanceof NameExpr n && resolver.findLocal(n.getNameAsString(), n) == null) {
            var f = resolver.findField(n.getNameAsString(), n);
            if (f != null) return new LockId(f.owner.qualifiedName, f.owner.simpleName, f.name, null);
        }
        if (x instanceof com.github.javaparser.ast.expr.FieldAccessExpr fa) {
            var f = resolver.fieldOf(fa);
            if (f != null) return new LockId(f.owner.qualifiedName, f.owner.simpleName, f.name, null);
        }
        // a local, parameter or computed object: its lock class is its type (lockdep's view), so
        // synchronized (node) and DataNode's synchronized methods are one lock
        // (only for types of the sources: "every Object" or "every Deque" is no lock class)
        String type = resolver.typeOf(x);
        TypeInfo ot = type == null ? null : resolver.index().firstBySimpleName(type, body.file());
        // a type of the sources the prefilter left out: named as a full parse would name it
        if (ot == null && summaries.unparsed(type)) return new LockId(qualified(type, x), type, "this", null);
        return ot == null ? null : new LockId(ot.qualifiedName, ot.simpleName, "this", null);
    }

    /** The qualified name of a type this file names but nobody parsed: its single-type import, else this file's package. */
    private static String qualified(String simple, Node at) {
        var cu = at.findCompilationUnit().orElse(null);
        if (cu == null) return simple;
        for (var imp : cu.getImports()) {
            if (!imp.isStatic() && !imp.isAsterisk() && imp.getName().getIdentifier().equals(simple)) return imp.getNameAsString();
        }
        return cu.getPackageDeclaration().map(p -> p.getNameAsString() + "." + simple).orElse(simple);
    }

    /** {@code item.length()} or, for a long call, {@code process(..)}: how a message names a call. */
    private static String callText(MethodCallExpr mc) {
        String full = mc.toString().replaceAll("\\s+", " ");
        if (full.length() <= 48) return full;
        String scope = mc.getScope().map(Object::toString).orElse("");
        String shortForm = (scope.isEmpty() || scope.length() > 24 ? "" : scope + ".") + mc.getNameAsString() + "(..)";
        return shortForm;
    }

    /** The monitor of a class literal, which a static synchronized method also takes: {@code Cache.class}. */
    private static LockId classMonitor(TypeInfo t) {
        return new LockId(t.qualifiedName, t.simpleName, "class", null);
    }

    private TraceStep step(Node n, String note) {
        return new TraceStep(file, line(n), note);
    }

    static int line(Node n) {
        return n.getBegin().map(p -> p.line).orElse(0);
    }

    static Expression strip(Expression e) {
        Expression x = e;
        while (true) {
            if (x instanceof EnclosedExpr en) x = en.getInner();
            else if (x instanceof CastExpr c) x = c.getExpression();
            else return x;
        }
    }

    private static State orSelf(State a, State b) {
        return a != null ? a : b;
    }
}
