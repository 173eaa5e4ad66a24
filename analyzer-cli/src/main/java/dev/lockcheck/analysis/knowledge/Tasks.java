package dev.lockcheck.analysis.knowledge;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.lockcheck.analysis.Resolver;
import java.util.Set;

/**
 * How code starts a task it may later wait for (LC008): which calls hand a task to another thread
 * and return its future, which waits wait for one. One row a form.
 */
public final class Tasks {
    /** Calls whose first argument is the task and whose result is its future. */
    private static final Set<String> SUBMITTERS = Set.of("submit", "supplyAsync", "runAsync", "schedule");

    /** Futures made from their task: {@code new FutureTask<>(callable)}, whose get waits for that callable. */
    private static final Set<String> FUTURE_TASKS = Set.of("FutureTask", "ListenableFutureTask");

    /** Handoff types whose get/join/invoke wait for a task: the future, or the thread. */
    private static final Set<String> WAITS = Set.of("Future", "CompletableFuture", "ForkJoinTask", "Thread");

    /**
     * @param task     the task expression (lambda, method reference, new Runnable/Thread...)
     * @param site     where the task is started
     * @param receiver the object the task's {@code this} is, as a path from the waiting body
     *                 ("this" for a lambda or this::m; null when unknown)
     */
    public record Start(Expression task, Node site, String receiver, java.util.Map<String, String> fieldsFromArguments) {
        public Start(Expression task, Node site, String receiver) {
            this(task, site, receiver, java.util.Map.of());
        }

        /**
         * A path of the task's body ({@code this.store.lock}) as the starting body names it: the
         * receiver's path for {@code this}; for a thread object built here ({@code new
         * Compactor(this)}), a field its constructor set from a parameter is the argument given
         * ({@code this.store} is the starter's {@code this}). Null when unknown.
         */
        public String instanceOf(String path) {
            if (receiver != null || path == null || fieldsFromArguments.isEmpty()) return Resolver.rebase(path, receiver);
            if (!path.startsWith("this.")) return Resolver.rebase(path, null);
            int dot = path.indexOf('.', 5);
            String field = dot < 0 ? path.substring(5) : path.substring(5, dot);
            String given = fieldsFromArguments.get(field);
            return given == null ? null : dot < 0 ? given : given + path.substring(dot);
        }
    }

    private Tasks() {
    }

    /**
     * Whether a call of this name hands its task to another thread and returns ({@code
     * pool.submit(this::abortTasks)}): the task is a body of its own, even when some executor of
     * the sources runs it in place. ({@code execute} is not one: Spring's
     * {@code template.execute(callback)} runs the callback before it returns.)
     */
    public static boolean submits(String method) {
        return SUBMITTERS.contains(method) || method.equals("scheduleAtFixedRate") || method.equals("scheduleWithFixedDelay");
    }

    public static boolean waitsForTask(Handoffs.Row row) {
        return WAITS.contains(row.type()) && (row.method().equals("get") || row.method().equals("join") || row.method().equals("invoke"));
    }

    /** The task a future or thread expression stands for, or null when the syntax does not say. */
    public static Start startOf(Expression waited, Resolver resolver) {
        Expression x = waited;
        for (int depth = 0; depth < 4 && x != null; depth++) {
            while (x instanceof EnclosedExpr || x instanceof CastExpr) {
                x = x instanceof EnclosedExpr en ? en.getInner() : ((CastExpr) x).getExpression();
            }
            if (x instanceof MethodCallExpr mc && SUBMITTERS.contains(mc.getNameAsString()) && mc.getArguments().isNonEmpty()) {
                return start(mc.getArgument(0), mc, resolver);
            }
            if (x instanceof ObjectCreationExpr oce && FUTURE_TASKS.contains(oce.getType().getNameAsString()) && oce.getArguments().isNonEmpty()) {
                return start(oce.getArgument(0), oce, resolver);
            }
            if (x instanceof ObjectCreationExpr oce && ProjectTypes.isThreadLike(oce, resolver)) {
                if (oce.getAnonymousClassBody().isPresent()) return new Start(oce, oce, "this");
                for (Expression a : oce.getArguments()) {
                    if (a instanceof LambdaExpr || a instanceof MethodReferenceExpr || a instanceof ObjectCreationExpr) {
                        return start(a, oce, resolver);
                    }
                }
                return new Start(oce, oce, null, fieldsFromArguments(oce, resolver));
            }
            if (x instanceof NameExpr n) {
                Resolver.VarDecl d = resolver.findLocal(n.getNameAsString(), n);
                if (d != null) {
                    x = d.init();
                } else {
                    var f = resolver.findField(n.getNameAsString(), n);
                    x = f == null ? null : f.singleValue();
                }
            } else if (x instanceof FieldAccessExpr fa) {
                var f = resolver.fieldOf(fa);
                x = f == null ? null : f.singleValue();
            } else {
                return null;
            }
        }
        return null;
    }

    private static Start start(Expression task, Node site, Resolver resolver) {
        if (task instanceof LambdaExpr) return new Start(task, site, "this");
        if (task instanceof MethodReferenceExpr mr) {
            String receiver = mr.getScope() instanceof ThisExpr ? "this" : resolver.objPath(mr.getScope());
            return new Start(task, site, receiver);
        }
        if (task instanceof ObjectCreationExpr oce) return new Start(task, site, oce.getAnonymousClassBody().isPresent() ? "this" : null);
        return new Start(task, site, null);
    }

    /**
     * For {@code new Compactor(this)} of a class of the sources: the fields its constructor (of
     * that arity) sets from a parameter ({@code this.store = store}), each with the path, in the
     * creating body, of the argument given there. Empty when none can be named.
     */
    private static java.util.Map<String, String> fieldsFromArguments(ObjectCreationExpr oce, Resolver resolver) {
        var type = resolver.index().firstBySimpleName(oce.getType().getNameAsString(), null);
        if (type == null) return java.util.Map.of();
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (var m : type.methods("<init>")) {
            if (m.arity != oce.getArguments().size() || m.varargs || m.body == null) continue;
            for (var st : m.body.getStatements()) {
                if (!(st instanceof com.github.javaparser.ast.stmt.ExpressionStmt es)
                        || !(es.getExpression() instanceof com.github.javaparser.ast.expr.AssignExpr a)
                        || a.getOperator() != com.github.javaparser.ast.expr.AssignExpr.Operator.ASSIGN
                        || !(a.getValue() instanceof NameExpr value)) {
                    continue;
                }
                String field = a.getTarget() instanceof FieldAccessExpr fa && fa.getScope() instanceof ThisExpr ? fa.getNameAsString()
                        : a.getTarget() instanceof NameExpr n ? n.getNameAsString() : null;
                if (field == null || type.field(field) == null) continue;
                for (int i = 0; i < m.decl.getParameters().size(); i++) {
                    if (!m.decl.getParameter(i).getNameAsString().equals(value.getNameAsString())) continue;
                    String path = resolver.objPath(oce.getArgument(i));
                    if (path != null) out.putIfAbsent(field, path);
                }
            }
        }
        return out;
    }

    /** Thread creations: {@code new Thread(...)} and anonymous subclasses of it. */
    static final class ProjectTypes {
        private ProjectTypes() {
        }

        static boolean isThreadLike(ObjectCreationExpr oce, Resolver resolver) {
            String t = oce.getType().getNameAsString();
            // a Thread subclass of the sources, whatever its name (class Compactor extends Thread)
            return t.equals("Thread") || t.endsWith("Thread") || resolver.index().selfAndSupers(t).contains("Thread");
        }
    }
}
