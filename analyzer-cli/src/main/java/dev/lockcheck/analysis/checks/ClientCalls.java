package dev.lockcheck.analysis.checks;

import dev.lockcheck.analysis.Trees;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.lockcheck.analysis.Body;
import dev.lockcheck.analysis.ProjectFacts;
import dev.lockcheck.analysis.ProjectIndex.FieldInfo;
import dev.lockcheck.analysis.ProjectIndex.MethodInfo;
import dev.lockcheck.analysis.ProjectIndex.TypeInfo;
import dev.lockcheck.analysis.Resolver;
import dev.lockcheck.analysis.Resolver.VarDecl;
import dev.lockcheck.analysis.knowledge.DistributedLockApis;
import dev.lockcheck.analysis.knowledge.DistributedLockApis.Row;
import dev.lockcheck.report.TraceStep;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What LC101-LC103 share: the {@link DistributedLockApis} row of a call (receiver typed through the
 * resolver, then through the table's factories and builder roots), the identity of a map, cache or
 * key expression (a field by its declaring class, a local through its alias), the calls of a code
 * region that run there (nested lambdas and classes excluded: they run later), and the body a node
 * is reported in.
 */
final class ClientCalls {
    /** Receivers that are builders: any call chained on them keeps their type until build(). */
    private static final Set<String> BUILDER_ROOTS = Set.of("CacheBuilder", "Caffeine");
    private static final Set<String> GENERIC_MAPS = Set.of("Map", "ConcurrentMap", "AbstractMap");
    private static final int MAX_ALIAS = 8;

    private final ProjectFacts project;
    private final Resolver resolver;
    private final Map<Node, Body> bodies = new IdentityHashMap<>();
    /** Receiver types already worked out (JavaParser nodes hash by content: identity keys). */
    private final Map<Expression, String> typeCache = new IdentityHashMap<>();

    ClientCalls(ProjectFacts project) {
        this.project = project;
        this.resolver = project.resolver();
        project.bodies().forEach(b -> bodies.put(b.body().owner(), b.body()));
    }

    // ------------------------------------------------------------------ rows

    /** The table row of a call, if the receiver's type is known to the table. */
    Optional<Row> row(MethodCallExpr call) {
        if (call.getScope().isEmpty() || !DistributedLockApis.knowsMethod(call.getNameAsString())) {
            return Optional.empty();
        }
        // the three checks ask about the same calls: the answer stays on the node for this scan
        if (call.containsData(ROW)) {
            return call.getData(ROW);
        }
        Optional<Row> r = lookUp(call);
        call.setData(ROW, r);
        return r;
    }

    private static final DataKey<Optional<Row>> ROW = new DataKey<>() {
    };
    private static final DataKey<List<Expression>> CALLS = new DataKey<>() {
    };

    private Optional<Row> lookUp(MethodCallExpr call) {
        String type = typeOf(call.getScope().get());
        if (type == null) {
            return Optional.empty();
        }
        // the type itself, then its supertypes in the sources (a class extending ReentrantLock), then Object
        for (String t : project.index().selfAndSupers(type)) {
            Optional<Row> r = DistributedLockApis.match(t, call);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    Optional<Row> row(Node n) {
        if (n instanceof MethodCallExpr mc) {
            return row(mc);
        }
        if (n instanceof ObjectCreationExpr oc) {
            return DistributedLockApis.matchNew(oc);
        }
        return Optional.empty();
    }

    /** The simple type of an expression: the resolver's answer, refined for maps and client-library chains. */
    String typeOf(Expression e) {
        if (typeCache.containsKey(e)) {
            return typeCache.get(e);
        }
        String t = typeOf(e, 0);
        typeCache.put(e, t);
        return t;
    }

    private String typeOf(Expression e, int depth) {
        if (e == null || depth > MAX_ALIAS) {
            return null;
        }
        if (e instanceof EnclosedExpr en) {
            return typeOf(en.getInner(), depth + 1);
        }
        if (e instanceof FieldAccessExpr fa && isConstantName(fa.getNameAsString()) && resolver.fieldOf(fa) == null) {
            return typeOf(fa.getScope(), depth + 1); // TimeUnit.MILLISECONDS: an enum constant of its type
        }
        if (e instanceof MethodCallExpr mc && mc.getScope().isPresent()) {
            Expression root = mc;
            while (root instanceof MethodCallExpr m && m.getScope().isPresent()) {
                root = m.getScope().get();
            }
            if (root instanceof NameExpr n && BUILDER_ROOTS.contains(n.getNameAsString())) {
                return n.getNameAsString();
            }
            String scopeType = typeOf(mc.getScope().get(), depth + 1);
            if (scopeType != null) {
                Optional<String> r = DistributedLockApis.returnType(scopeType, mc.getNameAsString());
                if (r.isPresent()) {
                    return r.get();
                }
            }
        }
        String t = resolver.typeOf(e);
        if (t != null && GENERIC_MAPS.contains(t)) {
            Expression value = valueOf(e);
            if (value != null && value != e) {
                String v = typeOf(value, depth + 1);
                if (v != null) {
                    return v;
                }
            }
        }
        return t;
    }

    private static boolean isConstantName(String s) {
        return s.length() > 1 && s.equals(s.toUpperCase(java.util.Locale.ROOT)) && Character.isLetter(s.charAt(0));
    }

    /** The single value a local or field holds (its initialiser, or its only assignment), or null. */
    Expression valueOf(Expression e) {
        if (e instanceof NameExpr n) {
            VarDecl d = resolver.findLocal(n.getNameAsString(), n);
            if (d != null) {
                return d.init();
            }
            FieldInfo f = resolver.findField(n.getNameAsString(), n);
            return f == null ? null : f.singleValue();
        }
        if (e instanceof FieldAccessExpr fa) {
            FieldInfo f = resolver.fieldOf(fa);
            return f == null ? null : f.singleValue();
        }
        return null;
    }

    // ------------------------------------------------------------------ identities

    /**
     * A name for the object an expression denotes, stable across methods for fields
     * ({@code field:acme.Cache.map}), per declaration for locals and parameters; a local initialised
     * from a field (an alias) is the field. Null when unknown.
     */
    String identity(Expression e) {
        return identity(e, 0);
    }

    private String identity(Expression e, int depth) {
        if (e == null || depth > MAX_ALIAS) {
            return null;
        }
        if (e instanceof EnclosedExpr en) {
            return identity(en.getInner(), depth + 1);
        }
        if (e instanceof NameExpr n) {
            VarDecl d = resolver.findLocal(n.getNameAsString(), n);
            if (d != null) {
                if (d.init() instanceof NameExpr || d.init() instanceof FieldAccessExpr) {
                    String alias = identity(d.init(), depth + 1);
                    if (alias != null) {
                        return alias;
                    }
                }
                return "local:" + System.identityHashCode(d.declNode()) + ":" + d.name();
            }
            FieldInfo f = resolver.findField(n.getNameAsString(), n);
            return f == null ? null : fieldId(f);
        }
        if (e instanceof FieldAccessExpr fa) {
            FieldInfo f = resolver.fieldOf(fa);
            return f == null ? null : fieldId(f);
        }
        return null;
    }

    static String fieldId(FieldInfo f) {
        return "field:" + f.owner.qualifiedName + "." + f.name;
    }

    /** How a person names the object: {@code Registry.NAMES}, {@code memo}. */
    static String display(Expression e) {
        String s = e.toString();
        return s.startsWith("this.") ? s.substring(5) : s;
    }

    /**
     * A Redis key: a string literal (or a constant holding one) by its text, project-wide; a field by
     * its declaring class; a local or parameter per declaration. Null for computed keys
     * ({@code "cache:" + id}).
     */
    String keyIdentity(Expression e) {
        if (e instanceof StringLiteralExpr s) {
            return "literal:" + s.getValue();
        }
        Expression v = valueOf(e);
        if (v instanceof StringLiteralExpr s && (e instanceof FieldAccessExpr || isFieldName(e))) {
            return "literal:" + s.getValue();
        }
        return identity(e);
    }

    private boolean isFieldName(Expression e) {
        return e instanceof NameExpr n && resolver.findLocal(n.getNameAsString(), n) == null
                && resolver.findField(n.getNameAsString(), n) != null;
    }

    // ------------------------------------------------------------------ walking

    /** Whether a node starts code that runs later or elsewhere (a lambda, an anonymous or local class, a type). */
    static boolean isNestedBody(Node n) {
        return n instanceof LambdaExpr || n instanceof TypeDeclaration<?>
                || (n instanceof ObjectCreationExpr oc && oc.getAnonymousClassBody().isPresent());
    }

    /**
     * Every method call and constructor call of a region that runs there, in source order: the
     * region's own node included, nested bodies skipped (their arguments still visited for
     * {@code new X(args)}).
     */
    static void calls(Node region, Consumer<Expression> out) {
        // regions are walked by several checks, some several times: the list stays on the node
        List<Expression> found;
        if (region.containsData(CALLS)) {
            found = region.getData(CALLS);
        } else {
            List<Expression> list = new ArrayList<>();
            visit(region, list::add, true);
            found = List.copyOf(list);
            region.setData(CALLS, found);
        }
        found.forEach(out);
    }

    private static void visit(Node n, Consumer<Expression> out, boolean root) {
        if (!root && (n instanceof LambdaExpr || n instanceof TypeDeclaration<?>)) {
            return;
        }
        if (n instanceof MethodCallExpr || n instanceof ObjectCreationExpr) {
            out.accept((Expression) n);
        }
        for (Node c : n.getChildNodes()) {
            if (n instanceof ObjectCreationExpr oc && oc.getAnonymousClassBody().isPresent()
                    && !(c instanceof Expression) && !root) {
                continue; // members of an anonymous class run later
            }
            visit(c, out, false);
        }
    }

    /** The methods of the scanned sources a call may run. */
    List<MethodInfo> callees(MethodCallExpr call) {
        return resolver.resolveCall(call);
    }

    /** The methods a method reference names, in the sources ({@code this::load}, {@code Loader::load}). */
    List<MethodInfo> referenced(MethodReferenceExpr ref) {
        String name = ref.getIdentifier();
        TypeInfo t = resolver.referenceTarget(ref);
        List<MethodInfo> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        out.addAll(t.methods(name));
        for (TypeInfo s : project.index().superTypeInfos(t)) {
            if (out.isEmpty()) {
                out.addAll(s.methods(name));
            }
        }
        out.removeIf(m -> m.body == null);
        return out;
    }

    // ------------------------------------------------------------------ reporting

    /** The body a node belongs to (the innermost lambda, method, constructor or initialiser around it). */
    Body bodyOf(Node n) {
        for (Node p = n; p != null; p = Trees.parent(p)) {
            Body b = bodies.get(p);
            if (b != null) {
                return b;
            }
        }
        return null;
    }

    static int line(Node n) {
        return n.getBegin().map(p -> p.line).orElse(0);
    }

    /** A trace step at a node. */
    TraceStep step(Node n, String note) {
        Body b = bodyOf(n);
        String file = b != null ? b.file().source().relPath() : fileOf(n);
        return new TraceStep(file, line(n), note);
    }

    private String fileOf(Node n) {
        TypeInfo t = project.index().enclosingType(n);
        return t == null ? "" : t.file.source().relPath();
    }


    /**
     * The identity of the variable or field a value is stored in
     * ({@code nodes = CacheBuilder...build(loader)}, {@code LoadingCache<K, V> c = ...build(loader)}), or null.
     */
    String assignedIdentity(Node value) {
        Node n = value;
        Node p = Trees.parent(n);
        while (p instanceof EnclosedExpr) {
            n = p;
            p = Trees.parent(p);
        }
        if (p instanceof AssignExpr a && a.getValue() == n) {
            return identity(a.getTarget());
        }
        if (p instanceof VariableDeclarator vd) {
            if (Trees.parent(vd) instanceof com.github.javaparser.ast.body.FieldDeclaration) {
                FieldInfo f = resolver.findField(vd.getNameAsString(), vd);
                return f == null ? null : fieldId(f);
            }
            return "local:" + System.identityHashCode(vd) + ":" + vd.getNameAsString();
        }
        return null;
    }

    /** The name of the variable or field a value is stored in ({@code nodes}), or null. */
    static String assignedName(Node value) {
        Node n = value;
        Node p = Trees.parent(n);
        while (p instanceof EnclosedExpr) {
            n = p;
            p = Trees.parent(p);
        }
        if (p instanceof AssignExpr a && a.getValue() == n) {
            return display(a.getTarget());
        }
        if (p instanceof VariableDeclarator vd) {
            return vd.getNameAsString();
        }
        return null;
    }
}
