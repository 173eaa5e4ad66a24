package dev.lockcheck.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.lockcheck.analysis.knowledge.JdkTypes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every type of the scanned sources (named, nested, local and anonymous), with fields (declared
 * types, initialisers, constructor assignments), methods and supertypes. Built once, then read
 * concurrently. Types, fields and methods are identity objects: JavaParser nodes compare
 * structurally, so nothing here keys a map by a node's equals.
 */
public final class ProjectIndex {

    /** A type: a class, interface, enum, record, or the body of an anonymous class. */
    public static final class TypeInfo {
        public final Node node;
        public final String simpleName;
        public final String qualifiedName;
        public final TypeInfo outer;
        public final ParsedFile file;
        public final List<String> superNames;
        public final boolean isInterface;
        final Map<String, FieldInfo> fields = new LinkedHashMap<>();
        final Map<String, List<MethodInfo>> methods = new LinkedHashMap<>();

        TypeInfo(Node node, String simpleName, String qualifiedName, TypeInfo outer, ParsedFile file,
                 List<String> superNames, boolean isInterface) {
            this.node = node;
            this.simpleName = simpleName;
            this.qualifiedName = qualifiedName;
            this.outer = outer;
            this.file = file;
            this.superNames = superNames;
            this.isInterface = isInterface;
        }

        public FieldInfo field(String name) {
            return fields.get(name);
        }

        /** Every method and constructor ({@code <init>}), by name. */
        public Map<String, List<MethodInfo>> methodsView() {
            return Collections.unmodifiableMap(methods);
        }

        public List<MethodInfo> methods(String name) {
            return methods.getOrDefault(name, List.of());
        }

        public boolean isAnonymous() {
            return node instanceof ObjectCreationExpr;
        }

        @Override
        public String toString() {
            return qualifiedName;
        }
    }

    /** A field, with what is assigned to it at declaration and in constructors/initialisers. */
    public static final class FieldInfo {
        public final TypeInfo owner;
        public final String name;
        public final String type;
        public final boolean isStatic;
        public final VariableDeclarator decl;
        final List<Expression> assigned = new ArrayList<>();

        FieldInfo(TypeInfo owner, String name, String type, boolean isStatic, VariableDeclarator decl) {
            this.owner = owner;
            this.name = name;
            this.type = type;
            this.isStatic = isStatic;
            this.decl = decl;
            decl.getInitializer().ifPresent(assigned::add);
        }

        /** The only value ever assigned (initialiser or constructor), or null when none or several. */
        public Expression singleValue() {
            return assigned.size() == 1 ? assigned.get(0) : null;
        }
    }

    /** A method or constructor. */
    public static final class MethodInfo {
        public final TypeInfo owner;
        public final CallableDeclaration<?> decl;
        public final String name;
        public final int arity;
        public final boolean varargs;
        public final List<String> paramTypes;
        public final String returnType;
        public final BlockStmt body;

        MethodInfo(TypeInfo owner, CallableDeclaration<?> decl, BlockStmt body) {
            this.owner = owner;
            this.decl = decl;
            this.name = decl.getNameAsString();
            this.arity = decl.getParameters().size();
            this.varargs = decl.getParameters().isNonEmpty() && decl.getParameters().getLast().get().isVarArgs();
            List<String> pts = new ArrayList<>();
            for (Parameter p : decl.getParameters()) pts.add(simple(p.getType()));
            this.paramTypes = List.copyOf(pts);
            this.returnType = decl instanceof MethodDeclaration md ? simple(md.getType()) : owner.simpleName;
            this.body = body;
        }

        public boolean accepts(int args) {
            return varargs ? args >= arity - 1 : args == arity;
        }

        /** e.g. {@code Cache.get(1)}: for messages and fingerprints. */
        public String display() {
            return owner.simpleName + "." + name + "()";
        }

        @Override
        public String toString() {
            return owner.qualifiedName + "." + name + "/" + arity;
        }
    }

    private final Map<Node, TypeInfo> byNode = new IdentityHashMap<>();
    private final Map<String, List<TypeInfo>> bySimple = new LinkedHashMap<>();
    private final Map<String, List<TypeInfo>> subtypes = new LinkedHashMap<>();
    private final Map<CallableDeclaration<?>, MethodInfo> methodByDecl = new IdentityHashMap<>();
    private final Map<String, Set<String>> supersMemo = new ConcurrentHashMap<>();
    private final List<TypeInfo> all = new ArrayList<>();
    private final Map<ParsedFile, String> packages = new IdentityHashMap<>();
    private final List<LambdaInfo> lambdas = new ArrayList<>();

    /**
     * The bodies of a type (its methods, constructors and initialisers) or of a lambda, by the
     * TypeInfo or the LambdaExpr, once per scan: see {@code Analyzer.bodies}. Read and written by
     * one thread, before the pass's analysis starts.
     */
    final Map<Object, List<Body>> bodies = new IdentityHashMap<>();

    /** Whether {@code f} is one of this index's files. */
    boolean indexes(ParsedFile f) {
        return packages.containsKey(f);
    }

    /** A lambda of the sources and its file (found in the same walk as the types). */
    public record LambdaInfo(LambdaExpr lambda, ParsedFile file) {
    }

    public ProjectIndex(List<ParsedFile> files) {
        this(null, files);
    }

    /**
     * The index of {@code previous}'s files followed by {@code files}: the same as one built from
     * all of them in that order (types, lists and subtypes in file order), without indexing
     * {@code previous}'s files again. Its types, fields and methods are {@code previous}'s
     * objects, which nothing changes once built; each pass of the prefilter adds the files it
     * parsed to the last pass's index.
     */
    public ProjectIndex(ProjectIndex previous, List<ParsedFile> files) {
        if (previous != null) {
            byNode.putAll(previous.byNode);
            for (Map.Entry<String, List<TypeInfo>> e : previous.bySimple.entrySet()) bySimple.put(e.getKey(), new ArrayList<>(e.getValue()));
            methodByDecl.putAll(previous.methodByDecl);
            all.addAll(previous.all);
            packages.putAll(previous.packages);
            lambdas.addAll(previous.lambdas);
            bodies.putAll(previous.bodies);
        }
        for (ParsedFile f : files) {
            packages.put(f, f.unit().getPackageDeclaration().map(p -> p.getNameAsString()).orElse(""));
            String pkg = f.unit().getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
            for (Node n : f.outline()) {
                if (n instanceof TypeDeclaration<?> td) {
                    addType(td, td.getNameAsString(), pkg, f);
                } else if (n instanceof ObjectCreationExpr oce) {
                    addType(oce, simple(oce.getType()), pkg, f);
                } else if (n instanceof LambdaExpr le) {
                    lambdas.add(new LambdaInfo(le, f));
                }
            }
        }
        for (TypeInfo t : all) {
            for (String s : t.superNames) subtypes.computeIfAbsent(s, k -> new ArrayList<>()).add(t);
        }
    }

    private void addType(Node node, String name, String pkg, ParsedFile f) {
        TypeInfo outer = enclosingType(node);
        String simpleName;
        String qualified;
        List<String> supers = new ArrayList<>();
        boolean isInterface = false;
        if (node instanceof ObjectCreationExpr oce) {
            Node anchor = oce;
            int line = anchor.getBegin().map(p -> p.line).orElse(0);
            simpleName = (outer == null ? "" : outer.simpleName) + "$" + name + "@" + line;
            qualified = (outer == null ? pkg : outer.qualifiedName + ".") + "new " + name + "(){}@" + line;
            supers.add(name);
        } else {
            simpleName = name;
            qualified = outer == null ? pkg + name : outer.qualifiedName + "." + name;
            if (node instanceof ClassOrInterfaceDeclaration cid) {
                isInterface = cid.isInterface();
                if (cid.isLocalClassDeclaration() && outer != null) qualified = outer.qualifiedName + "." + name;
                for (ClassOrInterfaceType t : cid.getExtendedTypes()) supers.add(t.getNameAsString());
                for (ClassOrInterfaceType t : cid.getImplementedTypes()) supers.add(t.getNameAsString());
            } else if (node instanceof EnumDeclaration ed) {
                for (ClassOrInterfaceType t : ed.getImplementedTypes()) supers.add(t.getNameAsString());
            } else if (node instanceof RecordDeclaration rd) {
                for (ClassOrInterfaceType t : rd.getImplementedTypes()) supers.add(t.getNameAsString());
            }
        }
        TypeInfo t = new TypeInfo(node, simpleName, qualified, outer, f, List.copyOf(supers), isInterface);
        byNode.put(node, t);
        all.add(t);
        if (!(node instanceof ObjectCreationExpr)) bySimple.computeIfAbsent(simpleName, k -> new ArrayList<>()).add(t);
        for (BodyDeclaration<?> member : members(node)) {
            if (member instanceof FieldDeclaration fd) {
                for (VariableDeclarator v : fd.getVariables()) {
                    t.fields.put(v.getNameAsString(), new FieldInfo(t, v.getNameAsString(), simple(v.getType()), fd.isStatic(), v));
                }
            } else if (member instanceof MethodDeclaration md) {
                MethodInfo mi = new MethodInfo(t, md, md.getBody().orElse(null));
                t.methods.computeIfAbsent(mi.name, k -> new ArrayList<>()).add(mi);
                methodByDecl.put(md, mi);
            } else if (member instanceof ConstructorDeclaration cd) {
                MethodInfo mi = new MethodInfo(t, cd, cd.getBody());
                t.methods.computeIfAbsent("<init>", k -> new ArrayList<>()).add(mi);
                methodByDecl.put(cd, mi);
            }
        }
        // constructor and initialiser assignments: `this.readLock = rw.readLock();`
        for (BodyDeclaration<?> member : members(node)) {
            Node body = member instanceof ConstructorDeclaration cd ? cd.getBody()
                    : member instanceof InitializerDeclaration id ? id.getBody() : null;
            if (body == null) continue;
            Trees.walk(body, n -> {
                if (!(n instanceof AssignExpr a) || a.getOperator() != AssignExpr.Operator.ASSIGN) return;
                String target = null;
                if (a.getTarget() instanceof FieldAccessExpr fa && fa.getScope() instanceof ThisExpr) {
                    target = fa.getNameAsString();
                } else if (a.getTarget() instanceof NameExpr ne) {
                    target = ne.getNameAsString();
                }
                FieldInfo fi = target == null ? null : t.fields.get(target);
                if (fi != null) fi.assigned.add(a.getValue());
            });
        }
    }

    private static List<BodyDeclaration<?>> members(Node node) {
        if (node instanceof TypeDeclaration<?> td) return td.getMembers();
        if (node instanceof ObjectCreationExpr oce) return oce.getAnonymousClassBody().map(List::copyOf).orElse(List.of());
        return List.of();
    }

    /** The innermost type (named, local or anonymous) strictly enclosing {@code n}. */
    public TypeInfo enclosingType(Node n) {
        for (Node p = Trees.parent(n); p != null; p = Trees.parent(p)) {
            TypeInfo t = byNode.get(p);
            if (t != null) return t;
            if (p instanceof TypeDeclaration<?> || (p instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent())) {
                // not indexed yet (during construction): walk on
                continue;
            }
        }
        return null;
    }

    /** The type {@code this} or {@code Outer.this} names where it is written (an enclosing type), or null. */
    public TypeInfo thisType(ThisExpr te) {
        TypeInfo t = enclosingType(te);
        if (te.getTypeName().isEmpty()) return t;
        String name = te.getTypeName().get().getIdentifier();
        for (; t != null; t = t.outer) if (t.simpleName.equals(name)) return t;
        return null;
    }

    public TypeInfo typeOfNode(Node typeNode) {
        return byNode.get(typeNode);
    }

    public MethodInfo method(CallableDeclaration<?> decl) {
        return methodByDecl.get(decl);
    }

    public List<TypeInfo> types() {
        return Collections.unmodifiableList(all);
    }

    public List<LambdaInfo> lambdas() {
        return Collections.unmodifiableList(lambdas);
    }
    /** The type with this simple name nearest to {@code near}: same file, then same package, then any. */
    public TypeInfo firstBySimpleName(String simple, ParsedFile near) {
        List<TypeInfo> ts = bySimple.get(simple);
        if (ts == null || ts.isEmpty()) return null;
        if (ts.size() == 1 || near == null) return ts.get(0);
        String pkg = packages.get(near);
        TypeInfo samePackage = null;
        for (TypeInfo t : ts) {
            if (t.file == near) return t;
            if (samePackage == null && Objects.equals(packages.get(t.file), pkg)) samePackage = t;
        }
        return samePackage != null ? samePackage : ts.get(0);
    }

    /** Types in the sources that directly extend or implement {@code simple}. */
    public List<TypeInfo> directSubtypes(String simple) {
        return subtypes.getOrDefault(simple, List.of());
    }

    /** The type itself, its supertypes in the sources and the JDK supertypes they reach, by simple name. */
    public Set<String> selfAndSupers(String simple) {
        if (simple == null) return Set.of();
        Set<String> memo = supersMemo.get(simple);
        if (memo != null) return memo;
        Set<String> out = new LinkedHashSet<>();
        collectSupers(simple, out);
        out.add("Object");
        Set<String> res = Collections.unmodifiableSet(out);
        supersMemo.putIfAbsent(simple, res);
        return res;
    }

    private void collectSupers(String simple, Set<String> out) {
        if (!out.add(simple)) return;
        for (TypeInfo t : bySimple.getOrDefault(simple, List.of())) {
            for (String s : t.superNames) collectSupers(s, out);
        }
        for (String s : JdkTypes.selfAndSupers(simple)) if (!s.equals(simple)) collectSupers(s, out);
    }

    /** The type info supertypes of {@code t} found in the sources (transitive, nearest first). */
    public List<TypeInfo> superTypeInfos(TypeInfo t) {
        List<TypeInfo> out = new ArrayList<>();
        Set<TypeInfo> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayList<TypeInfo> queue = new ArrayList<>();
        queue.add(t);
        seen.add(t);
        for (int i = 0; i < queue.size(); i++) {
            TypeInfo cur = queue.get(i);
            for (String s : cur.superNames) {
                TypeInfo st = firstBySimpleName(s, cur.file);
                if (st != null && seen.add(st)) {
                    out.add(st);
                    queue.add(st);
                }
            }
        }
        return out;
    }

    /** Erasure simple name of a declared type: {@code java.util.concurrent.BlockingQueue<T>} → {@code BlockingQueue}. */
    public static String simple(Type t) {
        if (t == null) return null;
        if (t.isClassOrInterfaceType()) return t.asClassOrInterfaceType().getNameAsString();
        if (t.isArrayType()) return simple(t.asArrayType().getComponentType()) + "[]";
        if (t.isVarType()) return "var";
        return t.asString();
    }
}
