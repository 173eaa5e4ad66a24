package dev.lockcheck.analysis.checks;

import dev.lockcheck.analysis.Trees;
import dev.lockcheck.analysis.knowledge.DistributedLockApis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.lockcheck.analysis.Body;
import dev.lockcheck.analysis.BodyResult;
import dev.lockcheck.analysis.FindingSink;
import dev.lockcheck.analysis.ProjectFacts;
import dev.lockcheck.analysis.ProjectIndex.MethodInfo;
import dev.lockcheck.analysis.StaticCheck;
import dev.lockcheck.analysis.knowledge.DistributedLockApis.Meaning;
import dev.lockcheck.analysis.knowledge.DistributedLockApis.Row;
import dev.lockcheck.report.TraceStep;
import dev.lockcheck.rules.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LC101: a {@code while}, {@code do} or {@code for} loop that retries a try-acquire until it
 * succeeds (the attempt decides the loop's condition, or a {@code return}/{@code break} on success)
 * while nothing in the loop waits for a change: no blocking wait, watch, timed acquire or backoff
 * sleep. Attempts and waits are the rows of {@code DistributedLockApis}; a method of the sources
 * that returns an attempt (or puts and deletes one etcd key, the incident's TryLock) is an attempt,
 * and one that waits is a wait, through a memoised per-method summary.
 */
final class TryLockPollingLoop implements StaticCheck {
    private static final int MAX_NESTING = 16;
    private static final Set<Meaning> WAITS = Set.of(Meaning.BLOCKING_WAIT, Meaning.BACKOFF_SLEEP, Meaning.WATCH,
            Meaning.TIMED_ACQUIRE, Meaning.ACQUIRE);

    /** A file can only be concerned if it names one of the client types of this rule's rows. */
    @Override
    public java.util.Set<String> textTriggers() {
        java.util.Set<String> words = new java.util.LinkedHashSet<>(DistributedLockApis.typeWords(java.util.EnumSet.of(Meaning.TRY_ACQUIRE, Meaning.KV_PUT, Meaning.KV_DELETE)));
        words.addAll(LOCK_WORDS);
        return words;
    }

    @Override
    public String ruleId() {
        return "LC101";
    }

    /** One try-acquire reached from a call: the row, and the steps from the call down to it. */
    private record Attempt(Row row, String what, List<TraceStep> via) {
        Attempt(Row row, List<TraceStep> via) {
            this(row, row.what(), via);
        }
    }

    /** What a method does when called: its first attempt (or none), and whether it waits. */
    private record Summary(Attempt attempt, boolean waits) {
        static final Summary NONE = new Summary(null, false);
    }

    @Override
    public void check(ProjectFacts project, FindingSink sink) {
        new Run(project, sink).run();
    }

    private final class Run {
        private final ProjectFacts project;
        private final FindingSink sink;
        private final ClientCalls calls;
        private final Map<MethodInfo, Summary> summaries = new HashMap<>();
        private final Set<MethodInfo> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

        Run(ProjectFacts project, FindingSink sink) {
            this.project = project;
            this.sink = sink;
            this.calls = new ClientCalls(project);
        }

        void run() {
            for (BodyResult b : project.bodies()) {
                Node code = b.body().code();
                com.github.javaparser.Range within = code.getRange().orElse(null);
                // the file's loops in pre-order (ParsedFile), those of this body: inside its code
                // and not inside a body nested in it (a lambda, a local or anonymous class)
                for (Statement loop : b.body().file().nodes().loops()) {
                    if (within != null && loop.getRange().isPresent() && !within.contains(loop.getRange().get())) continue;
                    if (ownedBy(loop, code)) check(b.body(), loop);
                }
            }
        }

        /** Whether {@code code} is the nearest body around {@code loop} (no nested body between them). */
        private static boolean ownedBy(Node loop, Node code) {
            for (Node p = loop; p != null; p = Trees.parent(p)) {
                if (p == code) return true;
                if (ClientCalls.isNestedBody(p)) return false;
            }
            return false;
        }

        private void check(Body body, Statement loop) {
            List<Expression> attemptCalls = new ArrayList<>();
            List<Attempt> attempts = new ArrayList<>();
            boolean[] waits = {false};
            ClientCalls.calls(loop, e -> {
                if (waits[0]) {
                    return;
                }
                Optional<Row> row = calls.row(e);
                if (row.isPresent()) {
                    if (row.get().is(Meaning.TRY_ACQUIRE)) {
                        attemptCalls.add(e);
                        attempts.add(new Attempt(row.get(), List.of(calls.step(e, row.get().what()))));
                    } else if (isWait(row.get())) {
                        waits[0] = true;
                    }
                    return;
                }
                if (e instanceof MethodCallExpr mc) {
                    for (MethodInfo m : calls.callees(mc)) {
                        Summary s = summary(m, 0);
                        if (s.waits()) {
                            waits[0] = true;
                            return;
                        }
                        if (s.attempt() != null) {
                            List<TraceStep> via = new ArrayList<>();
                            via.add(calls.step(mc, "calls " + m.display()));
                            via.addAll(s.attempt().via());
                            attemptCalls.add(e);
                            attempts.add(new Attempt(s.attempt().row(), s.attempt().what(), via));
                            break;
                        }
                    }
                }
            });
            if (waits[0]) {
                return;
            }
            for (int i = 0; i < attemptCalls.size(); i++) {
                Expression call = attemptCalls.get(i);
                if (retriesUntilSuccess(loop, call)) {
                    report(body, loop, call, attempts.get(i));
                    return;
                }
            }
        }

        private void report(Body body, Statement loop, Expression call, Attempt a) {
            Row row = a.row();
            boolean direct = a.via().size() == 1;
            String what = direct ? a.what() : a.what() + " (through " + ((MethodCallExpr) call).getNameAsString()
                    + "(), " + Evidence.at(a.via().get(a.via().size() - 1)) + ")";
            String cost = row.distributed()
                    ? "every failed attempt is a round trip and, for Redis and etcd, a write the server must commit "
                      + "(on etcd a Raft proposal that bumps the store revision), for as long as the holder works"
                    : "the thread spins a core for as long as the holder works, and never queues on the lock";
            String msg = "The loop at line " + ClientCalls.line(loop) + " retries " + what + " until it succeeds with nothing "
                    + "between attempts (no blocking wait, watch, timed acquire or backoff sleep): " + cost + ". "
                    + "Fix: wait for a change between attempts: a timed acquire (tryLock(wait, unit)), a watch on the "
                    + "holder's key, or at least a backoff sleep.";
            sink.report(ruleId(), row.distributed() ? Severity.ERROR : Severity.WARNING, body, call, msg, null, a.via());
        }

        private boolean isWait(Row r) {
            for (Meaning m : WAITS) {
                if (r.is(m)) {
                    return true;
                }
            }
            return false;
        }

        /** What a method does when called; recursion and deep nesting see "nothing". */
        private Summary summary(MethodInfo m, int depth) {
            Summary s = summaries.get(m);
            if (s != null) {
                return s;
            }
            if (m.body == null || depth > MAX_NESTING || !inProgress.add(m)) {
                return Summary.NONE;
            }
            try {
                s = compute(m, depth);
            } finally {
                inProgress.remove(m);
            }
            summaries.put(m, s);
            return s;
        }

        private Summary compute(MethodInfo m, int depth) {
            Attempt[] attempt = {null};
            boolean[] waits = {false};
            Map<String, Expression> puts = new HashMap<>();
            ClientCalls.calls(m.body, e -> {
                if (waits[0]) {
                    return;
                }
                Optional<Row> row = calls.row(e);
                if (row.isPresent()) {
                    Row r = row.get();
                    if (isWait(r)) {
                        waits[0] = true;
                    } else if (r.is(Meaning.TRY_ACQUIRE) && attempt[0] == null) {
                        attempt[0] = new Attempt(r, List.of(calls.step(e, r.what())));
                    } else if (r.is(Meaning.KV_PUT) && e instanceof MethodCallExpr mc) {
                        puts.putIfAbsent(mc.getArgument(0).toString(), e);
                    } else if (r.is(Meaning.KV_DELETE) && e instanceof MethodCallExpr mc && attempt[0] == null) {
                        Expression put = puts.get(mc.getArgument(0).toString());
                        if (put != null) {
                            attempt[0] = new Attempt(r, "an etcd put-then-delete lock attempt", List.of(calls.step(put, "KV.put of " + mc.getArgument(0)
                                    + ", deleted again at line " + ClientCalls.line(e) + ": one etcd TryLock attempt, two writes")));
                        }
                    }
                    return;
                }
                if (e instanceof MethodCallExpr mc) {
                    for (MethodInfo callee : calls.callees(mc)) {
                        Summary s = summary(callee, depth + 1);
                        if (s.waits()) {
                            waits[0] = true;
                            return;
                        }
                        if (s.attempt() != null && attempt[0] == null) {
                            List<TraceStep> via = new ArrayList<>();
                            via.add(calls.step(mc, "calls " + callee.display()));
                            via.addAll(s.attempt().via());
                            attempt[0] = new Attempt(s.attempt().row(), s.attempt().what(), via);
                        }
                    }
                }
            });
            return new Summary(waits[0] ? null : attempt[0], waits[0]);
        }
    }

    /**
     * Whether the loop runs until this attempt succeeds: the attempt is (in) the loop condition, or
     * decides an {@code if} that leaves the loop, or is stored in a variable the condition reads.
     */
    static boolean retriesUntilSuccess(Statement loop, Expression attempt) {
        Optional<Expression> condition = loop instanceof WhileStmt w ? Optional.of(w.getCondition())
                : loop instanceof DoStmt d ? Optional.of(d.getCondition())
                : ((ForStmt) loop).getCompare();
        if (condition.isPresent() && isWithin(attempt, condition.get())) {
            return true;
        }
        for (Node p = Trees.parent(attempt); p != null && p != loop; p = Trees.parent(p)) {
            if (p instanceof IfStmt ifs && isWithin(attempt, ifs.getCondition())) {
                return leavesLoop(ifs.getThenStmt()) || ifs.getElseStmt().map(TryLockPollingLoop::leavesLoop).orElse(false);
            }
        }
        String stored = storedIn(attempt);
        return stored != null && condition.isPresent()
                && condition.get().findFirst(NameExpr.class, n -> n.getNameAsString().equals(stored)).isPresent();
    }

    private static boolean isWithin(Node n, Node region) {
        for (Node p = n; p != null; p = Trees.parent(p)) {
            if (p == region) {
                return true;
            }
        }
        return false;
    }

    private static boolean leavesLoop(Statement s) {
        return s.findFirst(ReturnStmt.class).isPresent() || s.findFirst(BreakStmt.class).isPresent();
    }

    private static String storedIn(Expression attempt) {
        Node p = Trees.parent(attempt);
        if (p instanceof AssignExpr a && a.getValue() == attempt && a.getTarget() instanceof NameExpr n) {
            return n.getNameAsString();
        }
        if (p instanceof VariableDeclarator vd) {
            return vd.getNameAsString();
        }
        return null;
    }
}
