package dev.lockcheck.analysis.checks;

import dev.lockcheck.analysis.Trees;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import dev.lockcheck.analysis.Held;
import dev.lockcheck.analysis.Obs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the code chooses which of two locks of one class goes first (LC007's transfer shape).
 * Only a comparison that decides the order counts, not any comparison in the method:
 * <ul>
 * <li>the nesting (both acquisitions) sits in a branch of an {@code if} or {@code ?:} whose
 *     condition compares the two parties, or after a guard {@code if} with such a condition whose
 *     branch does not complete ({@code if (cmp) { ...; return; }}), or</li>
 * <li>a variable the lock is reached through is chosen by such a comparison: initialised by a
 *     {@code ?:} comparing its alternatives, or assigned in a branch of an {@code if} comparing
 *     the values it is assigned.</li>
 * </ul>
 * A comparison compares two parties when one side is derived from one party and the other side
 * from the other: {@code a.id < b.id}, {@code a.compareTo(b)}, {@code compare(x, y)},
 * {@code System.identityHashCode(a) < System.identityHashCode(b)}, or locals computed from them
 * ({@code int ha = System.identityHashCode(a)}). A comparison of unrelated values
 * ({@code amount > limit}) or one made inside the inner block does not choose the order.
 */
final class OrderChoice {
    private static final Pattern LOCAL = Pattern.compile("~?([A-Za-z_$][A-Za-z0-9_$]*)@\\d+");

    private OrderChoice() {
    }

    static boolean chosen(Node owner, Held outer, Obs.Acquire inner) {
        Set<String> outerDirect = parties(outer.acquiredAt(), outer.instance());
        Set<String> innerDirect = parties(inner.node(), inner.instance());
        // an object this method creates itself (`DataNode child = new DataNode(..)`) is no caller's
        // choice: nobody else can pass it the other way round
        for (String v : outerDirect) if (created(owner, v)) return true;
        for (String v : innerDirect) if (created(owner, v)) return true;
        Set<String> outerParties = sources(owner, outerDirect);
        Set<String> innerParties = sources(owner, innerDirect);
        List<Set<String>> both = List.of(outerParties, innerParties);
        // 1. The nesting sits in a branch whose condition compares the two parties.
        for (Node n = inner.node(); n != null && n != owner; n = Trees.parent(n)) {
            Node p = Trees.parent(n);
            if (p instanceof IfStmt s && n != s.getCondition() && contains(n, outer.acquiredAt())
                    && compares(owner, s.getCondition(), both)) return true;
            if (p instanceof ConditionalExpr c && n != c.getCondition() && contains(n, outer.acquiredAt())
                    && compares(owner, c.getCondition(), both)) return true;
            // the other branch of a guard before it: if (cmp) { ...; return; } <nesting>
            if (p instanceof BlockStmt blk && n instanceof Statement st && contains(n, outer.acquiredAt())) {
                for (Statement prev : blk.getStatements()) {
                    if (prev == st) break;
                    if (prev instanceof IfStmt g && g.getElseStmt().isEmpty() && !completes(g.getThenStmt())
                            && compares(owner, g.getCondition(), both)) return true;
                }
            }
        }
        // 2. A variable the locks are reached through is chosen by a comparison of its candidates.
        Set<String> vars = new LinkedHashSet<>(outerParties);
        vars.addAll(innerParties);
        for (String v : vars) if (chosenVariable(owner, v)) return true;
        return false;
    }

    /** Whether a statement can complete normally (conservatively: false only for plain return/throw endings). */
    private static boolean completes(Statement s) {
        if (s instanceof ReturnStmt || s instanceof ThrowStmt) return false;
        if (s instanceof BlockStmt b) return b.getStatements().isEmpty() || completes(b.getStatements().getLast().get());
        if (s instanceof SynchronizedStmt ss) return completes(ss.getBody());
        if (s instanceof TryStmt t) return completes(t.getTryBlock());
        if (s instanceof IfStmt i) return i.getElseStmt().isEmpty() || completes(i.getThenStmt()) || completes(i.getElseStmt().get());
        return true;
    }

    private static boolean contains(Node branch, Node n) {
        return n != null && (branch == n || branch.isAncestorOf(n));
    }

    /** Names the lock expression of an acquisition mentions, and the locals of its instance. */
    private static Set<String> parties(Node at, String instance) {
        Set<String> out = new LinkedHashSet<>();
        if (at instanceof SynchronizedStmt ss) names(ss.getExpression(), out);
        else if (at instanceof MethodCallExpr mc) {
            mc.getScope().ifPresent(sc -> names(sc, out));
            mc.getArguments().forEach(x -> names(x, out));
        } else if (at instanceof Expression e) names(e, out);
        if (instance != null) {
            Matcher m = LOCAL.matcher(instance);
            while (m.find()) out.add(m.group(1));
        }
        return out;
    }

    private static void names(Node n, Set<String> out) {
        if (n == null) return;
        if (n instanceof NameExpr ne) out.add(ne.getNameAsString());
        n.findAll(NameExpr.class).forEach(ne -> out.add(ne.getNameAsString()));
    }

    private static Set<String> names(Node n) {
        Set<String> out = new LinkedHashSet<>();
        names(n, out);
        return out;
    }

    /** The values assigned to a local of this body: its initialiser and every assignment to it. */
    private static List<Expression> values(Node owner, String var) {
        List<Expression> vs = new ArrayList<>();
        for (VariableDeclarator d : owner.findAll(VariableDeclarator.class)) {
            if (d.getNameAsString().equals(var)) d.getInitializer().ifPresent(vs::add);
        }
        for (AssignExpr a : owner.findAll(AssignExpr.class)) {
            if (a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(var)) vs.add(a.getValue());
        }
        return vs;
    }

    /** The parties and everything they were computed from (backwards through local assignments). */
    private static Set<String> sources(Node owner, Set<String> start) {
        Set<String> out = new LinkedHashSet<>(start);
        List<String> work = new ArrayList<>(start);
        while (!work.isEmpty() && out.size() < 64) {
            String v = work.remove(work.size() - 1);
            for (Expression e : values(owner, v)) {
                for (String n : names(e)) if (out.add(n)) work.add(n);
            }
        }
        return out;
    }

    /** The set and every local computed from it (forwards). */
    private static Set<String> derived(Node owner, Set<String> start) {
        Set<String> out = new HashSet<>(start);
        boolean changed = true;
        List<VariableDeclarator> decls = owner.findAll(VariableDeclarator.class);
        List<AssignExpr> assigns = owner.findAll(AssignExpr.class);
        while (changed && out.size() < 64) {
            changed = false;
            for (VariableDeclarator d : decls) {
                if (!out.contains(d.getNameAsString()) && d.getInitializer().isPresent()
                        && intersects(names(d.getInitializer().get()), out)) changed |= out.add(d.getNameAsString());
            }
            for (AssignExpr a : assigns) {
                if (a.getTarget() instanceof NameExpr t && !out.contains(t.getNameAsString())
                        && intersects(names(a.getValue()), out)) changed |= out.add(t.getNameAsString());
            }
        }
        return out;
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        for (String x : a) if (b.contains(x)) return true;
        return false;
    }

    /** Whether {@code cond} holds a comparison whose two sides derive from two different sets of {@code parties}. */
    private static boolean compares(Node owner, Expression cond, List<Set<String>> parties) {
        List<Set<String>> closures = new ArrayList<>();
        for (Set<String> p : parties) closures.add(derived(owner, p));
        List<Expression[]> sides = new ArrayList<>();
        for (Node n : cond.findAll(Node.class)) {
            if (n instanceof BinaryExpr be && switch (be.getOperator()) {
                case LESS, GREATER, LESS_EQUALS, GREATER_EQUALS -> true;
                default -> false;
            }) sides.add(new Expression[] {be.getLeft(), be.getRight()});
            if (n instanceof MethodCallExpr mc) {
                String name = mc.getNameAsString();
                if (name.equals("compareTo") && mc.getScope().isPresent() && mc.getArguments().size() == 1) {
                    sides.add(new Expression[] {mc.getScope().get(), mc.getArgument(0)});
                } else if (name.equals("compare") && mc.getArguments().size() == 2) {
                    sides.add(new Expression[] {mc.getArgument(0), mc.getArgument(1)});
                }
            }
        }
        for (Expression[] s : sides) {
            Set<String> l = names(s[0]);
            Set<String> r = names(s[1]);
            for (int i = 0; i < closures.size(); i++) {
                for (int j = 0; j < closures.size(); j++) {
                    if (i != j && intersects(l, closures.get(i)) && intersects(r, closures.get(j))) return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a local is chosen by a comparison: initialised or assigned a {@code ?:} whose
     * condition compares its two alternatives, or assigned in a branch of an {@code if} whose
     * condition compares the values the local is given.
     */
    private static boolean chosenVariable(Node owner, String var) {
        List<Expression> vs = values(owner, var);
        if (vs.isEmpty()) return false;
        List<Set<String>> candidates = new ArrayList<>();
        for (Expression v : vs) {
            Expression u = unwrap(v);
            if (u instanceof ConditionalExpr c
                    && compares(owner, c.getCondition(), List.of(names(c.getThenExpr()), names(c.getElseExpr())))) return true;
            candidates.add(names(v));
        }
        if (candidates.size() < 2) return false;
        for (Expression v : vs) {
            for (Node n = v; n != null && n != owner; n = Trees.parent(n)) {
                Node p = Trees.parent(n);
                if (p instanceof IfStmt s && n != s.getCondition() && compares(owner, s.getCondition(), candidates)) return true;
            }
        }
        return false;
    }

    /** Whether a local of this body only ever holds objects it creates ({@code new T(..)}). */
    private static boolean created(Node owner, String var) {
        List<Expression> vs = values(owner, var);
        if (vs.isEmpty()) return false;
        for (Expression v : vs) if (!(unwrap(v) instanceof com.github.javaparser.ast.expr.ObjectCreationExpr)) return false;
        return true;
    }

    private static Expression unwrap(Expression e) {
        while (e instanceof EnclosedExpr en) e = en.getInner();
        return e;
    }
}
