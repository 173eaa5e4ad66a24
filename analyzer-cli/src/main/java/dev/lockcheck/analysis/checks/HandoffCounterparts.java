package dev.lockcheck.analysis.checks;

import dev.lockcheck.analysis.Trees;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.MethodDeclaration;
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
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.lockcheck.analysis.Body;
import dev.lockcheck.analysis.BodyResult;
import dev.lockcheck.analysis.LockId;
import dev.lockcheck.analysis.Obs;
import dev.lockcheck.analysis.ProjectFacts;
import dev.lockcheck.analysis.ProjectIndex;
import dev.lockcheck.analysis.Resolver;
import dev.lockcheck.analysis.Summary;
import dev.lockcheck.analysis.knowledge.LockApis.Op;
import dev.lockcheck.analysis.knowledge.Tasks;
import dev.lockcheck.report.TraceStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LC001's question: who completes a handoff, and can that code (or a path of the sources reaching
 * it) take the lock the waiting thread holds? The counterparts by handoff: the takers of the same
 * queue (its putters for a take), the task behind a future or a {@code FutureTask}, the code counting
 * down the same latch, the other parties of a barrier or exchanger, the releasers of a semaphore,
 * the notifiers or signallers of a monitor or condition, the joined thread's {@code run}, the tasks
 * of {@code invokeAll} and of a pool awaited with {@code awaitTermination}.
 *
 * <p>An object is named as locks are: a field by its declaring class and name, a local by its
 * declaration. The calls completing a handoff are looked up per object asked, once per scan.
 */
final class HandoffCounterparts {
    /** What the sources say about the code completing one handoff. */
    enum Kind { LOCKS, UNKNOWN, CLEAN }

    /**
     * @param kind    LOCKS: some counterpart or path to it takes the lock; UNKNOWN: not all of them are in the
     *                sources; CLEAN: all known, none takes it
     * @param who     the counterpart, for the message ("the taker Worker.run()")
     * @param reason  for UNKNOWN, why ("the queue is a parameter")
     * @param steps   for LOCKS: where the counterpart completes the handoff, then the path to the acquisition
     * @param lockAt  for LOCKS: where the counterpart's path acquires the lock
     */
    record Verdict(Kind kind, String who, String reason, List<TraceStep> steps, TraceStep lockAt, String acquired) {
        static Verdict unknown(String reason) {
            return new Verdict(Kind.UNKNOWN, null, reason, List.of(), null, null);
        }

        static final Verdict CLEAN = new Verdict(Kind.CLEAN, null, null, List.of(), null, null);

        /** Where the counterpart completes the handoff (or is started): the first of its steps. */
        TraceStep completes() {
            return steps.get(0);
        }
    }

    /** Calls that complete a handoff of each kind, by the handoff's receiver type and method. */
    private static final Set<String> QUEUE_TYPES = Set.of("BlockingQueue", "BlockingDeque", "TransferQueue");
    private static final Set<String> TAKES = Set.of("take", "poll", "takeFirst", "takeLast", "pollFirst", "pollLast", "drainTo", "remove");
    private static final Set<String> PUTS = Set.of("put", "offer", "add", "transfer", "tryTransfer", "putFirst", "putLast",
            "offerFirst", "offerLast", "addFirst", "addLast", "addAll");
    private static final Set<String> SUBMITS = Set.of("submit", "execute", "invokeAll", "invokeAny", "schedule",
            "scheduleAtFixedRate", "scheduleWithFixedDelay");

    /** Steps up the callers of a counterpart's method before its paths count as not known. */
    private static final int CALLER_DEPTH = 3;

    private final ProjectFacts project;
    private final Resolver resolver;
    /** Per object and completing method names: the calls of the sources on that object. */
    private final Map<String, List<MethodCallExpr>> completers = new HashMap<>();
    private final Map<Node, Summary> lambdaSummaries = new IdentityHashMap<>();

    HandoffCounterparts(ProjectFacts project) {
        this.project = project;
        this.resolver = project.resolver();
    }

    /** The verdict on the handoff {@code block} made while holding {@code lock}. */
    Verdict of(Obs.Block block, LockId lock) {
        if (!(block.origin() instanceof MethodCallExpr call)) return Verdict.unknown("the handoff call is not in the sources");
        String type = block.handoff().type();
        String method = block.handoff().method();
        Expression scope = call.getScope().orElse(null);
        switch (type) {
            case "Future", "CompletableFuture", "ForkJoinTask", "Thread" -> {
                return task(call, scope, lock, type.equals("Thread") ? "the joined thread" : "the task behind the future");
            }
            case "ExecutorService" -> {
                if (method.equals("invokeAll") || method.equals("invokeAny")) return tasksOf(call.getArgument(0), call, lock);
                return poolTasks(call, scope, lock);
            }
            default -> {
            }
        }
        Set<String> completing;
        String role;
        if (QUEUE_TYPES.contains(type)) {
            completing = block.handoff().insert() || method.equals("transfer") ? TAKES : PUTS;
            role = completing == TAKES ? "the taker" : "the putter";
        } else {
            switch (type) {
                case "CountDownLatch" -> {
                    completing = Set.of("countDown");
                    role = "the code counting down the latch in";
                }
                case "CyclicBarrier" -> {
                    completing = Set.of("await");
                    role = "the other party of the barrier in";
                }
                case "Phaser" -> {
                    completing = Set.of("arrive", "arriveAndDeregister", "arriveAndAwaitAdvance");
                    role = "the party arriving at the phaser in";
                }
                case "Semaphore" -> {
                    completing = Set.of("release");
                    role = "the code releasing the semaphore in";
                }
                case "Exchanger" -> {
                    completing = Set.of("exchange");
                    role = "the other party of the exchanger in";
                }
                case "Object" -> {
                    completing = Set.of("notify", "notifyAll");
                    role = "the notifier";
                }
                case "Condition" -> {
                    completing = Set.of("signal", "signalAll");
                    role = "the signaller";
                }
                default -> {
                    return Verdict.unknown("lockcheck does not know what completes " + type + "." + method);
                }
            }
        }
        String object = scope == null ? thisOf(call) : identity(scope, 0);
        if (object == null) {
            Verdict viaCallers = throughCallers(scope, arg -> {
                String o = identity(arg, 0);
                return o == null ? Verdict.unknown("the " + noun(type) + " is " + origin(arg)) : objectVerdict(o, completing, role, type, lock);
            });
            return viaCallers != null ? viaCallers : Verdict.unknown("the " + noun(type) + " is " + origin(scope));
        }
        return objectVerdict(object, completing, role, type, lock);
    }

    /**
     * A handoff object that is a parameter of the method making the handoff: what the callers of
     * that method in the sources pass there. A caller passing an object whose counterpart takes the
     * lock makes the finding (a known path deadlocks); otherwise a non-private method may be called
     * from outside the sources, so the counterparts are not all known. Null when not a parameter.
     */
    private Verdict throughCallers(Expression scope, java.util.function.Function<Expression, Verdict> ofArgument) {
        Expression x = scope == null ? null : strip(scope);
        if (!(x instanceof NameExpr n)) return null;
        Resolver.VarDecl d = resolver.findLocal(n.getNameAsString(), n);
        if (d == null || !(d.declNode() instanceof Parameter p)
                || !(Trees.parent(p) instanceof com.github.javaparser.ast.body.CallableDeclaration<?> cd)) {
            return null;
        }
        if (!following.add(p)) return null;
        try {
            int i = cd.getParameters().indexOf(p);
            BodyResult around = project.bodyAround(n);
            ProjectIndex.MethodInfo m = around == null ? null : around.body().method();
            if (m == null || m.decl != cd || p.isVarArgs()) return null;
            boolean unknown = !(cd instanceof MethodDeclaration md && md.isPrivate());
            String why = m.display() + " may be called from outside the sources";
            boolean any = false;
            for (MethodCallExpr c : project.callsNamed(m.name)) {
                if (c.getArguments().size() != cd.getParameters().size() || !resolver.resolveCall(c).contains(m)) continue;
                any = true;
                Verdict v = ofArgument.apply(c.getArgument(i));
                if (v.kind() == Kind.LOCKS) return v;
                if (v.kind() == Kind.UNKNOWN && !unknown) {
                    unknown = true;
                    why = v.reason();
                }
            }
            if (!any) {
                project.askCallersOf(m);
                return Verdict.unknown("it is a parameter of " + m.display() + ", which nothing in the sources calls");
            }
            return unknown ? Verdict.unknown(why) : Verdict.CLEAN;
        } finally {
            following.remove(p);
        }
    }

    private final Set<Parameter> following = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    private Verdict objectVerdict(String object, Set<String> completing, String role, String type, LockId lock) {
        List<MethodCallExpr> sites = completers(object, completing);
        askCompleters(object, completing);
        if (sites.isEmpty()) return Verdict.unknown("no code of the sources calls " + String.join("/", new java.util.TreeSet<>(completing))
                + " on that " + noun(type));
        boolean unknown = false;
        String why = null;
        for (MethodCallExpr site : sites) {
            Verdict v = reach(site, lock, role, 0, new java.util.HashSet<>());
            if (v.kind() == Kind.LOCKS) return v;
            if (v.kind() == Kind.UNKNOWN && !unknown) {
                unknown = true;
                why = v.reason();
            }
        }
        return unknown ? Verdict.unknown(why) : Verdict.CLEAN;
    }

    // ---------------------------------------------------------------- tasks

    private Verdict task(MethodCallExpr call, Expression scope, LockId lock, String role) {
        if (scope == null) return Verdict.unknown("the waited object is not named");
        Tasks.Start start = Tasks.startOf(scope, resolver);
        if (start == null) {
            // a thread or task class the prefilter did not parse (new Compactor(this), no lock word in it)
            ObjectCreationExpr made = resolver.creationOf(scope);
            if (made != null && resolver.index().firstBySimpleName(made.getType().getNameAsString(), null) == null) {
                project.askFiles(made.getType().getNameAsString(), Set.of(made.getType().getNameAsString()));
            }
            // a CompletableFuture completed by code of the sources: complete(...) on the same object
            String object = identity(scope, 0);
            if (object != null) {
                List<MethodCallExpr> sites = completers(object, Set.of("complete", "completeExceptionally"));
                if (!sites.isEmpty()) {
                    boolean unknown = false;
                    for (MethodCallExpr site : sites) {
                        Verdict v = reach(site, lock, "the code completing the future in", 0, new java.util.HashSet<>());
                        if (v.kind() == Kind.LOCKS) return v;
                        unknown |= v.kind() == Kind.UNKNOWN;
                    }
                    if (!unknown) return Verdict.CLEAN;
                }
            }
            Verdict viaCallers = throughCallers(scope, arg -> {
                Tasks.Start st = Tasks.startOf(arg, resolver);
                return st == null ? Verdict.unknown("the " + (role.contains("thread") ? "thread" : "future") + " is " + origin(arg))
                        : taskVerdict(st.task(), st.site(), lock, role);
            });
            if (viaCallers != null) return viaCallers;
            return Verdict.unknown("the " + (role.contains("thread") ? "thread" : "future") + " is " + origin(scope));
        }
        return taskVerdict(start.task(), start.site(), lock, role);
    }

    private Verdict taskVerdict(Expression task, Node site, LockId lock, String role) {
        Summary s = project.taskSummary(task);
        if (s == null && task instanceof ObjectCreationExpr oce) {
            String t = oce.getType().getNameAsString();
            project.askFiles(t, Set.of(t));
        }
        if (s == null) return Verdict.unknown("the task (" + shorten(task) + ") is not code of the sources");
        Obs.Acquire a = acquisition(s, lock);
        if (a == null) return Verdict.CLEAN;
        List<TraceStep> steps = new ArrayList<>();
        steps.add(new TraceStep(file(site), line(site), role + " (" + shorten(task) + ") starts here"));
        for (TraceStep t : a.via()) steps.add(new TraceStep(t.file(), t.line(), "in the task: " + t.note(), t.evidence()));
        return new Verdict(Kind.LOCKS, role + " (" + shorten(task) + ")", null, steps, a.via().get(a.via().size() - 1), a.ref().describe());
    }

    /** invokeAll/invokeAny: the tasks written in the argument, or added to the local collection it names. */
    private Verdict tasksOf(Expression arg, Node site, LockId lock) {
        List<Expression> tasks = new ArrayList<>();
        Expression x = strip(arg);
        collectTasks(x, tasks);
        if (x instanceof NameExpr n) {
            Resolver.VarDecl d = resolver.findLocal(n.getNameAsString(), n);
            if (d != null && !(d.declNode() instanceof Parameter)) {
                if (d.init() != null) collectTasks(d.init(), tasks);
                Node scopeOf = enclosingCallable(n);
                if (scopeOf != null) {
                    for (MethodCallExpr add : scopeOf.findAll(MethodCallExpr.class, c -> c.getNameAsString().startsWith("add")
                            && c.getScope().isPresent() && c.getScope().get() instanceof NameExpr s && s.getNameAsString().equals(n.getNameAsString()))) {
                        for (Expression e : add.getArguments()) collectTasks(e, tasks);
                    }
                }
            }
        }
        if (tasks.isEmpty()) return Verdict.unknown("the tasks given to invokeAll are not written here");
        boolean unknown = false;
        for (Expression t : tasks) {
            Verdict v = taskVerdict(t, t, lock, "the task");
            if (v.kind() == Kind.LOCKS) return v;
            unknown |= v.kind() == Kind.UNKNOWN;
        }
        return unknown ? Verdict.unknown("some task given to invokeAll is not code of the sources") : Verdict.CLEAN;
    }

    private static void collectTasks(Expression e, List<Expression> out) {
        Expression x = strip(e);
        if (x instanceof LambdaExpr || x instanceof MethodReferenceExpr || x instanceof ObjectCreationExpr oce && !isCollection(oce)) {
            out.add(x);
            return;
        }
        if (x instanceof MethodCallExpr mc && (mc.getNameAsString().equals("of") || mc.getNameAsString().equals("asList")
                || mc.getNameAsString().equals("singletonList"))) {
            for (Expression a : mc.getArguments()) collectTasks(a, out);
        }
    }

    private static boolean isCollection(ObjectCreationExpr oce) {
        String t = oce.getType().getNameAsString();
        return t.endsWith("List") || t.endsWith("Set") || t.endsWith("Queue") || t.endsWith("Deque");
    }

    /** awaitTermination: every task submitted to the same pool. */
    private Verdict poolTasks(MethodCallExpr call, Expression scope, LockId lock) {
        String object = scope == null ? null : identity(scope, 0);
        if (object == null) return Verdict.unknown("the pool is " + origin(scope));
        List<MethodCallExpr> submits = completers(object, SUBMITS);
        if (submits.isEmpty()) return Verdict.unknown("no task of the sources is submitted to that pool");
        boolean unknown = false;
        for (MethodCallExpr s : submits) {
            if (s.getArguments().isEmpty()) continue;
            Verdict v = s.getNameAsString().startsWith("invoke") ? tasksOf(s.getArgument(0), s, lock)
                    : taskVerdict(strip(s.getArgument(0)), s, lock, "a task of the pool");
            if (v.kind() == Kind.LOCKS) return v;
            unknown |= v.kind() == Kind.UNKNOWN;
        }
        return unknown ? Verdict.unknown("some task of the pool is not code of the sources") : Verdict.CLEAN;
    }

    // ---------------------------------------------------------------- the code completing it, and its paths

    /**
     * Whether the body around {@code site} (a call completing the handoff, or a call leading to
     * one) can take {@code lock}, or a path of the sources reaching it can. A lambda, an anonymous
     * class, a task's {@code run}/{@code call} or a method passed by reference is started by the
     * sources: its paths are known. A non-private method with no caller in the sources is called
     * from code not here.
     */
    private Verdict reach(Node site, LockId lock, String role, int depth, Set<ProjectIndex.MethodInfo> seen) {
        BodyResult around = project.bodyAround(site);
        if (around == null) return Verdict.unknown("the code at " + file(site) + ":" + line(site) + " is outside any method");
        Body body = around.body();
        Summary s = summary(body);
        String who = role + " " + name(body);
        if (s != null) {
            Obs.Acquire a = acquisition(s, lock);
            if (a != null) {
                List<TraceStep> steps = new ArrayList<>();
                steps.add(new TraceStep(file(site), line(site), who + (depth == 0 ? " completes the handoff here" : " reaches it here")));
                steps.addAll(a.via());
                return new Verdict(Kind.LOCKS, who, null, steps, a.via().get(a.via().size() - 1), a.ref().describe());
            }
        }
        ProjectIndex.MethodInfo m = body.method();
        if (m == null || body.owner() instanceof LambdaExpr || (body.type() != null && body.type().isAnonymous())) return Verdict.CLEAN;
        if (m.name.equals("run") || m.name.equals("call") || m.name.equals("main") || project.referenced(m.name)) return Verdict.CLEAN;
        if (!seen.add(m)) return Verdict.CLEAN;
        List<MethodCallExpr> callers = new ArrayList<>();
        for (MethodCallExpr c : project.callsNamed(m.name)) {
            if (m.accepts(c.getArguments().size()) && resolver.resolveCall(c).contains(m)) callers.add(c);
        }
        if (callers.isEmpty()) {
            project.askCallersOf(m);
            boolean priv = m.decl instanceof MethodDeclaration md && md.isPrivate();
            return priv ? Verdict.CLEAN : Verdict.unknown(m.display() + " is called only from outside the sources");
        }
        if (depth >= CALLER_DEPTH) return Verdict.unknown("the paths to " + m.display() + " are longer than lockcheck follows");
        boolean unknown = false;
        String why = null;
        for (MethodCallExpr c : callers) {
            Verdict v = reach(c, lock, role, depth + 1, seen);
            if (v.kind() == Kind.LOCKS) {
                List<TraceStep> steps = new ArrayList<>();
                steps.add(new TraceStep(file(site), line(site), name(body) + (depth == 0 ? " completes the handoff here" : " reaches it here")));
                steps.addAll(v.steps());
                String ev = resolver.exact(c, resolver.resolveCall(c)) ? TraceStep.EXACT : TraceStep.GUESSED;
                // the step from the caller into this method is the one that may be guessed
                steps.set(steps.size() - v.steps().size(), new TraceStep(v.steps().get(0).file(), v.steps().get(0).line(),
                        v.steps().get(0).note(), ev));
                return new Verdict(Kind.LOCKS, v.who(), null, steps, v.lockAt(), v.acquired());
            }
            if (v.kind() == Kind.UNKNOWN && !unknown) {
                unknown = true;
                why = v.reason();
            }
        }
        return unknown ? Verdict.unknown(why) : Verdict.CLEAN;
    }

    private Summary summary(Body body) {
        if (body.method() != null) return project.summaryOf(body.method());
        if (body.owner() instanceof LambdaExpr le) return lambdaSummaries.computeIfAbsent(le, k -> project.taskSummary(le));
        return null;
    }

    private static Obs.Acquire acquisition(Summary s, LockId lock) {
        for (Obs e : s.events()) {
            if (e instanceof Obs.Acquire a && a.op() == Op.ACQUIRE && a.ref().id().equals(lock)) return a;
        }
        return null;
    }

    // ---------------------------------------------------------------- objects

    /** The calls named {@code names} on the object {@code object} ({@link #identity}), in source order. */
    private List<MethodCallExpr> completers(String object, Set<String> names) {
        String key = object + "|" + new java.util.TreeSet<>(names);
        List<MethodCallExpr> known = completers.get(key);
        if (known != null) return known;
        List<MethodCallExpr> out = new ArrayList<>();
        for (String n : new java.util.TreeSet<>(names)) {
            for (MethodCallExpr c : project.callsNamed(n)) {
                String o = c.getScope().isEmpty() ? thisOf(c) : identity(c.getScope().get(), 0);
                if (object.equals(o)) out.add(c);
            }
        }
        out.sort(java.util.Comparator.comparing((MethodCallExpr c) -> file(c)).thenComparingInt(HandoffCounterparts::line)
                .thenComparingInt(c -> c.getBegin().map(p -> p.column).orElse(0)));
        completers.put(key, out);
        return out;
    }

    /**
     * The object an expression names, as locks are named: {@code F:owner.field} for a field,
     * {@code L:file:line:name} for a local (a lambda capturing it names the same), following a
     * local or a getter ({@code return queue;}) to the field it returns; null when the object comes
     * from a parameter, a call or anything else the sources do not fix.
     */
    private String identity(Expression e, int depth) {
        Expression x = strip(e);
        if (depth > 3) return null;
        if (x instanceof NameExpr n) {
            Resolver.VarDecl d = resolver.findLocal(n.getNameAsString(), n);
            if (d != null) {
                if (d.declNode() instanceof Parameter) return null;
                if (d.init() != null && !(strip(d.init()) instanceof ObjectCreationExpr)) {
                    String via = identity(d.init(), depth + 1);
                    if (via != null) return via;
                }
                return "L:" + file(d.declNode()) + ":" + line(d.declNode()) + ":" + d.name();
            }
            ProjectIndex.FieldInfo f = resolver.findField(n.getNameAsString(), n);
            return f == null ? null : fieldIdentity(f, depth);
        }
        if (x instanceof FieldAccessExpr fa) {
            ProjectIndex.FieldInfo f = resolver.fieldOf(fa);
            return f == null ? null : fieldIdentity(f, depth);
        }
        if (x instanceof MethodCallExpr mc && mc.getArguments().isEmpty()) {
            List<ProjectIndex.MethodInfo> targets = resolver.resolveCall(mc);
            if (targets.size() != 1 || targets.get(0).body == null) return null;
            var stmts = targets.get(0).body.getStatements();
            if (stmts.size() == 1 && stmts.get(0) instanceof ReturnStmt rs && rs.getExpression().isPresent()) {
                return identity(rs.getExpression().get(), depth + 1);
            }
        }
        return null;
    }

    /**
     * A field names its own object, unless its one value is a constructor parameter
     * ({@code this.queue = queue}) and every {@code new} of its class in the sources passes the
     * same object there: then it is that object (the same queue given to another class's constructor).
     */
    private String fieldIdentity(ProjectIndex.FieldInfo f, int depth) {
        String own = "F:" + f.owner.qualifiedName + "." + f.name;
        if (!(f.singleValue() instanceof NameExpr n) || depth > 3) return own;
        Resolver.VarDecl d = resolver.findLocal(n.getNameAsString(), n);
        if (d == null || !(d.declNode() instanceof Parameter p)
                || !(Trees.parent(p) instanceof com.github.javaparser.ast.body.ConstructorDeclaration cd)) {
            return own;
        }
        int i = cd.getParameters().indexOf(p);
        String found = null;
        for (ObjectCreationExpr c : project.creationsOf(f.owner.simpleName)) {
            if (c.getArguments().size() != cd.getParameters().size()) continue;
            String a = identity(c.getArgument(i), depth + 1);
            if (a == null || found != null && !found.equals(a)) return own;
            found = a;
        }
        return found != null ? found : own;
    }

    /** For the prefilter: the files that may call {@code names} on the object (they name a completing method and its owner class). */
    private void askCompleters(String object, Set<String> names) {
        if (!object.startsWith("F:")) return;
        String qualified = object.substring(2, object.lastIndexOf('.'));
        String owner = qualified.substring(qualified.lastIndexOf('.') + 1);
        for (String n : names) project.askFiles(n, Set.of(owner));
    }

    /** {@code wait()}/{@code notify()} with no receiver: the monitor of {@code this}, named by its class. */
    private String thisOf(MethodCallExpr call) {
        ProjectIndex.TypeInfo t = resolver.index().enclosingType(call);
        return t == null ? null : "T:" + t.qualifiedName;
    }

    private String origin(Expression scope) {
        Expression x = scope == null ? null : strip(scope);
        if (x instanceof NameExpr n) {
            Resolver.VarDecl d = resolver.findLocal(n.getNameAsString(), n);
            if (d != null && d.declNode() instanceof Parameter) return "a parameter (" + n + "), filled by code lockcheck cannot follow";
        }
        if (x instanceof MethodCallExpr mc) return "returned by " + mc.getNameAsString() + "(), which lockcheck cannot follow to one object";
        return "not one object the sources name (" + (x == null ? "?" : shorten(x)) + ")";
    }

    private static String noun(String type) {
        return switch (type) {
            case "CountDownLatch" -> "latch";
            case "CyclicBarrier" -> "barrier";
            case "Object" -> "monitor";
            default -> QUEUE_TYPES.contains(type) ? "queue" : type.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + type.substring(1);
        };
    }

    // ---------------------------------------------------------------- small things

    static Expression strip(Expression e) {
        Expression x = e;
        while (x instanceof EnclosedExpr || x instanceof CastExpr) {
            x = x instanceof EnclosedExpr en ? en.getInner() : ((CastExpr) x).getExpression();
        }
        return x;
    }

    private static Node enclosingCallable(Node n) {
        for (Node p = Trees.parent(n); p != null; p = Trees.parent(p)) {
            if (p instanceof com.github.javaparser.ast.body.CallableDeclaration<?>) return p;
        }
        return null;
    }

    /** {@code Worker.run()} for a method, {@code Worker.lambda at line 12} for a lambda. */
    private static String name(Body body) {
        if (body.method() != null) return body.method().display();
        String type = body.type() == null ? "" : body.type().simpleName + ".";
        return type + "lambda at line " + line(body.owner());
    }

    private static String shorten(Node n) {
        String s = n.toString().replaceAll("\\s+", " ");
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** The source path of the file a node is in, as traces name files. */
    private String file(Node n) {
        ProjectIndex.TypeInfo t = resolver.index().enclosingType(n);
        return t == null ? "?" : t.file.source().relPath();
    }

    static int line(Node n) {
        return n.getBegin().map(p -> p.line).orElse(0);
    }
}
