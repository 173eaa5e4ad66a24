package dev.lockcheck.analysis.checks;

import dev.lockcheck.analysis.knowledge.DistributedLockApis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.lockcheck.analysis.Body;
import dev.lockcheck.analysis.FindingSink;
import dev.lockcheck.analysis.ParsedFile;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LC103: a mapping function given to a {@code ConcurrentHashMap} compute-family call, or a cache
 * loader ({@code CacheBuilder/Caffeine.build(loader)}, {@code cache.get(key, loader)}), that
 * re-enters the same map (a modifying call) or cache (a loading get), directly or through calls.
 * The function may be a lambda, an anonymous class or a method reference (then the re-entry is
 * reported inside the referenced method). Maps and caches are identified by field (or a local and
 * its aliases); what re-enters is per-method, memoised, through calls.
 */
final class RecursiveCacheLoad implements StaticCheck {
    private static final int MAX_NESTING = 16;
    private static final Set<String> LOADER_METHODS = Set.of("load", "loadAll", "reload", "apply", "call", "asyncLoad");

    /** A file can only be concerned if it names one of the client types of this rule's rows. */
    @Override
    public java.util.Set<String> textTriggers() {
        java.util.Set<String> words = new java.util.LinkedHashSet<>(DistributedLockApis.typeWords(java.util.EnumSet.of(Meaning.MAP_COMPUTE, Meaning.CACHE_COMPUTE, Meaning.CACHE_BUILD_LOADING, Meaning.CACHE_LOADING_GET)));
        return words;
    }

    @Override
    public String ruleId() {
        return "LC103";
    }

    private enum Kind { MAP, CACHE }

    /** A re-entry a method makes when called: the kind, and the steps down to the real call. */
    private record Reentry(Kind kind, String what, List<TraceStep> via) {
    }

    @Override
    public void check(ProjectFacts project, FindingSink sink) {
        new Run(project, sink).run();
    }

    private final class Run {
        private final ProjectFacts project;
        private final FindingSink sink;
        private final ClientCalls calls;
        private final Map<MethodInfo, Map<String, Reentry>> summaries = new HashMap<>();
        private final Set<MethodInfo> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
        /** The loader code of each cache built in the sources, by the cache's identity. */
        private final Map<String, List<Node>> loaders = new HashMap<>();
        private final Map<String, Map<String, Reentry>> loaderSummaries = new HashMap<>();
        private final Set<String> loadersInProgress = new java.util.HashSet<>();

        Run(ProjectFacts project, FindingSink sink) {
            this.project = project;
            this.sink = sink;
            this.calls = new ClientCalls(project);
        }

        void run() {
            // only calls named like a row can have one (most calls of a tree have none)
            List<MethodCallExpr> candidates = new ArrayList<>();
            for (ParsedFile f : project.files()) {
                for (MethodCallExpr c : f.nodes().calls()) {
                    if (DistributedLockApis.knowsMethod(c.getNameAsString())) candidates.add(c);
                }
            }
            for (MethodCallExpr call : candidates) {
                Optional<Row> row = calls.row(call);
                if (row.isPresent() && row.get().is(Meaning.CACHE_BUILD_LOADING)) {
                    String cache = calls.assignedIdentity(call);
                    if (cache != null) {
                        loaders.computeIfAbsent(cache, k -> new ArrayList<>()).addAll(regions(unwrapFrom(call.getArgument(0))));
                    }
                }
            }
            candidates.forEach(this::computeCall);
        }

        private void computeCall(MethodCallExpr call) {
            Optional<Row> row = calls.row(call);
            if (row.isEmpty()) {
                return;
            }
            Row r = row.get();
            String target;
            Kind kind;
            Expression fn;
            if ((r.is(Meaning.MAP_COMPUTE) || r.is(Meaning.CACHE_COMPUTE)) && r.fnArg() >= 0 && call.getScope().isPresent()) {
                target = calls.identity(call.getScope().get());
                kind = r.is(Meaning.MAP_COMPUTE) ? Kind.MAP : Kind.CACHE;
                fn = call.getArgument(r.fnArg());
            } else if (r.is(Meaning.CACHE_BUILD_LOADING)) {
                target = calls.assignedIdentity(call);
                kind = Kind.CACHE;
                fn = unwrapFrom(call.getArgument(0));
            } else {
                return;
            }
            if (target == null) {
                return;
            }
            String name = call.getScope().isPresent() && kind == Kind.MAP ? ClientCalls.display(call.getScope().get()) : null;
            for (Node region : regions(fn)) {
                ClientCalls.calls(region, e -> {
                    if (e instanceof MethodCallExpr x) {
                        inspect(call, r, target, name, kind, x);
                    }
                });
            }
        }

        /** {@code CacheLoader.from(fn)} is fn. */
        private Expression unwrapFrom(Expression e) {
            if (e instanceof MethodCallExpr m && m.getNameAsString().equals("from") && m.getArguments().size() == 1
                    && m.getScope().map(s -> s instanceof NameExpr n && n.getNameAsString().equals("CacheLoader")).orElse(false)) {
                return m.getArgument(0);
            }
            return e;
        }

        /** The code a function argument runs: a lambda's body, a referenced method's body, an anonymous loader's methods. */
        private List<Node> regions(Expression fn) {
            List<Node> out = new ArrayList<>();
            if (fn instanceof LambdaExpr le) {
                out.add(le.getBody());
            } else if (fn instanceof MethodReferenceExpr ref) {
                for (MethodInfo m : calls.referenced(ref)) {
                    out.add(m.body);
                }
            } else if (fn instanceof ObjectCreationExpr oc && oc.getAnonymousClassBody().isPresent()) {
                for (BodyDeclaration<?> member : oc.getAnonymousClassBody().get()) {
                    if (member instanceof MethodDeclaration md && LOADER_METHODS.contains(md.getNameAsString())) {
                        md.getBody().ifPresent(out::add);
                    }
                }
            }
            return out;
        }

        private void inspect(MethodCallExpr outer, Row outerRow, String target, String name, Kind kind, MethodCallExpr x) {
            Optional<Row> row = calls.row(x);
            if (row.isPresent()) {
                String id = x.getScope().map(calls::identity).orElse(null);
                if (reenters(row.get(), kind) && target.equals(id)) {
                    report(outer, outerRow, kind, x, row.get().what(), List.of(calls.step(x, row.get().what())));
                } else if (kind == Kind.CACHE && row.get().is(Meaning.CACHE_LOADING_GET) && id != null) {
                    Reentry re = loaderSummary(id, 0).get(target);
                    if (re != null && re.kind() == kind) {
                        List<TraceStep> via = new ArrayList<>();
                        via.add(calls.step(x, row.get().what() + " on " + ClientCalls.display(x.getScope().get())
                                + " runs that cache's loader on a miss"));
                        via.addAll(re.via());
                        report(outer, outerRow, kind, x, row.get().what() + " on " + ClientCalls.display(x.getScope().get())
                                + " (whose loader loads back at " + Evidence.at(re.via().get(re.via().size() - 1)) + ")", via);
                    }
                }
                return;
            }
            for (MethodInfo m : calls.callees(x)) {
                Reentry re = summary(m, 0).get(target);
                if (re != null && re.kind() == kind) {
                    List<TraceStep> via = new ArrayList<>();
                    via.add(calls.step(x, "calls " + m.display()));
                    via.addAll(re.via());
                    report(outer, outerRow, kind, x, re.what() + " (through " + x.getNameAsString() + "(), "
                            + Evidence.at(re.via().get(re.via().size() - 1)) + ")", via);
                    return;
                }
            }
        }

        private boolean reenters(Row r, Kind kind) {
            return kind == Kind.MAP ? r.is(Meaning.MAP_MODIFYING) || r.is(Meaning.MAP_COMPUTE)
                    : r.is(Meaning.CACHE_LOADING_GET) || r.is(Meaning.CACHE_COMPUTE);
        }

        private void report(MethodCallExpr outer, Row outerRow, Kind kind, MethodCallExpr at, String what, List<TraceStep> via) {
            Body body = calls.bodyOf(at);
            if (body == null) {
                return;
            }
            List<TraceStep> trace = new ArrayList<>();
            String subject = outer.getScope().map(ClientCalls::display).orElse("the cache");
            if (kind == Kind.MAP) {
                trace.add(calls.step(outer, outerRow.what() + " on " + subject + " runs this function"));
                trace.addAll(via);
                String msg = what + " updates the ConcurrentHashMap " + subject + " from inside its own " + outer.getNameAsString()
                        + " mapping function (line " + ClientCalls.line(outer) + "): the map holds the bin it is filling while the "
                        + "function runs, so JDK 9+ throws IllegalStateException: Recursive update and JDK 8 can hang. "
                        + "Fix: compute the value outside the map, then putIfAbsent it; inside the function only read the map.";
                sink.report(ruleId(), Severity.ERROR, body, at, msg, null, trace);
            } else {
                String built = ClientCalls.assignedName(outer);
                String cache = !outerRow.is(Meaning.CACHE_BUILD_LOADING) ? "the cache " + subject
                        : built != null ? "the cache " + built + " (built at line " + ClientCalls.line(outer) + ")"
                        : "the cache built at line " + ClientCalls.line(outer);
                trace.add(calls.step(outer, outerRow.what() + " gives " + cache + " this loader"));
                trace.addAll(via);
                String msg = what + " re-enters " + cache + " from inside that cache's own loader: a cycle of such loads fails with "
                        + "\"Recursive load\"/\"Recursive update\" on one thread and deadlocks when two threads each load what the "
                        + "other is loading. Fix: load what the loader needs before, or from another cache; inside the loader "
                        + "use getIfPresent.";
                sink.report(ruleId(), Severity.ERROR, body, at, msg, null, trace);
            }
        }

        /** The fields a method re-enters when called (maps it modifies, caches it loads from), through calls. */
        private Map<String, Reentry> summary(MethodInfo m, int depth) {
            Map<String, Reentry> s = summaries.get(m);
            if (s != null) {
                return s;
            }
            if (m.body == null || depth > MAX_NESTING || !inProgress.add(m)) {
                return Map.of();
            }
            try {
                s = collect(m.body, depth);
            } finally {
                inProgress.remove(m);
            }
            summaries.put(m, s);
            return s;
        }

        /** What the loader of a cache re-enters when it runs (a loading get on that cache runs it). */
        private Map<String, Reentry> loaderSummary(String cache, int depth) {
            Map<String, Reentry> s = loaderSummaries.get(cache);
            if (s != null) {
                return s;
            }
            List<Node> code = loaders.get(cache);
            if (code == null || depth > MAX_NESTING || !loadersInProgress.add(cache)) {
                return Map.of();
            }
            Map<String, Reentry> out = new LinkedHashMap<>();
            try {
                for (Node region : code) {
                    collect(region, depth).forEach(out::putIfAbsent);
                }
            } finally {
                loadersInProgress.remove(cache);
            }
            loaderSummaries.put(cache, out);
            return out;
        }

        private Map<String, Reentry> collect(Node region, int depth) {
            Map<String, Reentry> out = new LinkedHashMap<>();
            ClientCalls.calls(region, e -> {
                if (!(e instanceof MethodCallExpr x)) {
                    return;
                }
                Optional<Row> row = calls.row(x);
                if (row.isPresent()) {
                    Row r = row.get();
                    Kind k = r.is(Meaning.MAP_MODIFYING) || r.is(Meaning.MAP_COMPUTE) ? Kind.MAP
                            : r.is(Meaning.CACHE_LOADING_GET) || r.is(Meaning.CACHE_COMPUTE) ? Kind.CACHE : null;
                    String id = k == null || x.getScope().isEmpty() ? null : calls.identity(x.getScope().get());
                    if (id != null && id.startsWith("field:")) {
                        out.putIfAbsent(id, new Reentry(k, r.what(), List.of(calls.step(x, r.what()))));
                        if (r.is(Meaning.CACHE_LOADING_GET)) {
                            String via = r.what() + " on " + ClientCalls.display(x.getScope().get()) + " runs that cache's loader on a miss";
                            merge(out, loaderSummary(id, depth + 1), calls.step(x, via));
                        }
                    }
                    return;
                }
                for (MethodInfo callee : calls.callees(x)) {
                    merge(out, summary(callee, depth + 1), calls.step(x, "calls " + callee.display()));
                }
            });
            return out;
        }

        private void merge(Map<String, Reentry> out, Map<String, Reentry> more, TraceStep first) {
            for (Map.Entry<String, Reentry> en : more.entrySet()) {
                if (!out.containsKey(en.getKey())) {
                    List<TraceStep> via = new ArrayList<>();
                    via.add(first);
                    via.addAll(en.getValue().via());
                    out.put(en.getKey(), new Reentry(en.getValue().kind(), en.getValue().what(), via));
                }
            }
        }
    }
}
