package dev.lockcheck.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.Type;
import dev.lockcheck.analysis.ProjectIndex.FieldInfo;
import dev.lockcheck.analysis.ProjectIndex.MethodInfo;
import dev.lockcheck.analysis.ProjectIndex.TypeInfo;
import dev.lockcheck.analysis.knowledge.LockApis;
import dev.lockcheck.analysis.knowledge.LockApis.ObjKind;
import dev.lockcheck.analysis.knowledge.LockHandles;
import dev.lockcheck.analysis.knowledge.ReturnTypes;
import dev.lockcheck.model.LockMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Name, type, lock and call resolution over the project index, from the syntax alone: a local's
 * type and initialiser come from its declaration, a field's from the index. Thread-safe.
 */
public final class Resolver {
    private static final int MAX_DEPTH = 6;
    /** Most implementations of an abstract method a call is resolved to (class hierarchy analysis). */
    private static final int MAX_IMPLEMENTATIONS = 8;

    private final ProjectIndex index;
    private final Map<FieldInfo, Optional<LockVal>> fieldLocks = new ConcurrentHashMap<>();

    /** Types that files not parsed extend or implement: a call on them may run a method nobody parsed. */
    private final Set<String> extendedOutside;

    public Resolver(ProjectIndex index) {
        this(index, Set.of());
    }

    public Resolver(ProjectIndex index, Set<String> extendedOutside) {
        this.index = index;
        this.extendedOutside = extendedOutside;
    }

    public ProjectIndex index() {
        return index;
    }

    /** A local variable or parameter declaration visible at a point. */
    public record VarDecl(String name, Type type, Expression init, Node declNode) {
    }

    // ---------------------------------------------------------------- names

    /** The local variable, parameter or captured local named {@code name} visible at {@code at}, or null. */
    public VarDecl findLocal(String name, Node at) {
        Node n = at;
        while (true) {
            Node parent = Trees.parent(n);
            if (parent == null) return null;
            VarDecl d = declaredIn(parent, n, name);
            if (d != null) return d;
            if (parent instanceof TypeDeclaration<?> td
                    && !(td instanceof ClassOrInterfaceDeclaration c && c.isLocalClassDeclaration())) {
                return null;
            }
            n = parent;
        }
    }

    private static VarDecl declaredIn(Node parent, Node child, String name) {
        if (parent instanceof BlockStmt b) {
            for (Statement s : b.getStatements()) {
                if (s == child) break;
                if (s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr vde) {
                    VarDecl d = fromDecl(vde, name);
                    if (d != null) return d;
                }
            }
        } else if (parent instanceof CallableDeclaration<?> cd) {
            return fromParams(cd.getParameters(), name);
        } else if (parent instanceof LambdaExpr le) {
            return fromParams(le.getParameters(), name);
        } else if (parent instanceof CatchClause cc) {
            Parameter p = cc.getParameter();
            if (p.getNameAsString().equals(name)) return new VarDecl(name, p.getType(), null, p);
        } else if (parent instanceof ForEachStmt fe) {
            return fromDecl(fe.getVariable(), name);
        } else if (parent instanceof ForStmt fs) {
            for (Expression e : fs.getInitialization()) {
                if (e instanceof VariableDeclarationExpr vde) {
                    VarDecl d = fromDecl(vde, name);
                    if (d != null) return d;
                }
            }
        } else if (parent instanceof TryStmt ts) {
            for (Expression e : ts.getResources()) {
                if (e instanceof VariableDeclarationExpr vde) {
                    VarDecl d = fromDecl(vde, name);
                    if (d != null) return d;
                }
            }
        }
        return null;
    }

    private static VarDecl fromDecl(VariableDeclarationExpr vde, String name) {
        for (VariableDeclarator v : vde.getVariables()) {
            if (v.getNameAsString().equals(name)) return new VarDecl(name, v.getType(), v.getInitializer().orElse(null), v);
        }
        return null;
    }

    private static VarDecl fromParams(NodeList<Parameter> ps, String name) {
        for (Parameter p : ps) {
            if (p.getNameAsString().equals(name)) return new VarDecl(name, p.getType(), null, p);
        }
        return null;
    }

    /** The field {@code name} seen from {@code at}: enclosing types from the innermost out, each with its supertypes. */
    public FieldInfo findField(String name, Node at) {
        for (TypeInfo t = index.enclosingType(at); t != null; t = t.outer) {
            FieldInfo f = fieldIn(t, name);
            if (f != null) return f;
        }
        return null;
    }

    public FieldInfo fieldIn(TypeInfo t, String name) {
        if (t == null) return null;
        FieldInfo f = t.field(name);
        if (f != null) return f;
        for (TypeInfo s : index.superTypeInfos(t)) {
            f = s.field(name);
            if (f != null) return f;
        }
        return null;
    }

    // ---------------------------------------------------------------- types

    /** Erasure simple name of an expression's static type, when the syntax tells; null otherwise. */
    public String typeOf(Expression e) {
        return typeOf(e, 0);
    }

    private String typeOf(Expression e, int depth) {
        if (e == null || depth > MAX_DEPTH) return null;
        if (e instanceof EnclosedExpr en) return typeOf(en.getInner(), depth + 1);
        if (e instanceof CastExpr c) return ProjectIndex.simple(c.getType());
        if (e instanceof ObjectCreationExpr o) return ProjectIndex.simple(o.getType());
        if (e instanceof StringLiteralExpr) return "String";
        if (e instanceof ThisExpr t) {
            if (t.getTypeName().isPresent()) return t.getTypeName().get().getIdentifier();
            TypeInfo ti = index.enclosingType(e);
            return ti == null ? null : (ti.isAnonymous() ? ti.superNames.get(0) : ti.simpleName);
        }
        if (e instanceof ConditionalExpr ce) {
            String t = typeOf(ce.getThenExpr(), depth + 1);
            return t != null ? t : typeOf(ce.getElseExpr(), depth + 1);
        }
        if (e instanceof ArrayAccessExpr aa) {
            String t = typeOf(aa.getName(), depth + 1);
            return t != null && t.endsWith("[]") ? t.substring(0, t.length() - 2) : null;
        }
        if (e instanceof NameExpr n) {
            String name = n.getNameAsString();
            String t = typeOfVariable(name, n, depth);
            if (t != null) return t;
            return Character.isUpperCase(name.charAt(0)) ? name : null;
        }
        if (e instanceof FieldAccessExpr fa) {
            FieldInfo f = fieldOf(fa);
            if (f != null) return fieldType(f, depth);
            String name = fa.getNameAsString();
            return Character.isUpperCase(name.charAt(0)) ? name : null;
        }
        if (e instanceof MethodCallExpr mc) {
            // the receiver is typed once and handed to call resolution: typing it again there
            // would double the work at every link of a call chain
            Expression scope = mc.getScope().orElse(null);
            String scopeType = scope == null ? null : typeOf(scope, depth + 1);
            if (scopeType != null) {
                String r = ReturnTypes.of(index.selfAndSupers(scopeType), mc.getNameAsString());
                if (r != null) return r;
            }
            List<MethodInfo> targets = scope == null || scope instanceof ThisExpr || scope instanceof SuperExpr
                    ? resolveCall(mc)
                    : resolveOn(mc, typeInfoNamed(scopeType, scope));
            for (MethodInfo m : targets) {
                if (m.returnType != null && !m.returnType.equals("void") && !isTypeVariable(m)) return m.returnType;
            }
        }
        return null;
    }

    /** The type of the local or field {@code name} seen from {@code at}, or null. */
    private String typeOfVariable(String name, Node at, int depth) {
        VarDecl d = findLocal(name, at);
        if (d != null) return declType(d, depth);
        FieldInfo f = findField(name, at);
        return f != null ? fieldType(f, depth) : null;
    }

    /**
     * The local or field a method reference's scope names when JavaParser read the plain name as a
     * type ({@code board::delist}): Java takes a name in scope as the variable. Null for a type.
     */
    private String variableScope(MethodReferenceExpr mr) {
        if (!(mr.getScope() instanceof TypeExpr te) || !te.getType().isClassOrInterfaceType()) return null;
        com.github.javaparser.ast.type.ClassOrInterfaceType ct = te.getType().asClassOrInterfaceType();
        if (ct.getScope().isPresent() || ct.getTypeArguments().isPresent()) return null;
        String name = ct.getNameAsString();
        return findLocal(name, mr) != null || findField(name, mr) != null ? name : null;
    }

    /** The type of the object a method reference runs its method on ({@code this::m}, {@code board::m}, {@code Type::m}), or null. */
    public TypeInfo referenceTarget(MethodReferenceExpr mr) {
        Expression scope = mr.getScope();
        if (scope instanceof ThisExpr te) return index.thisType(te);
        String variable = variableScope(mr);
        if (variable != null) return typeInfoNamed(typeOfVariable(variable, mr, 0), mr);
        if (scope instanceof TypeExpr te) {
            TypeInfo here = index.enclosingType(mr);
            return index.firstBySimpleName(ProjectIndex.simple(te.getType()), here == null ? null : here.file);
        }
        return typeInfoOf(scope);
    }

    /**
     * The receiver of a method reference's method as a path from here ({@link #objPath}): {@code this},
     * a variable's path; for a type, {@code this} when the method is static, else null (an unbound
     * {@code Type::m} has no receiver this body can name).
     */
    public String referenceReceiver(MethodReferenceExpr mr, boolean staticMethod) {
        Expression scope = mr.getScope();
        if (scope instanceof ThisExpr) return "this";
        String variable = variableScope(mr);
        if (variable != null) return pathOfVariable(variable, mr);
        if (scope instanceof TypeExpr) return staticMethod ? "this" : null;
        return objPath(scope);
    }

    private String declType(VarDecl d, int depth) {
        if (d.type() == null || d.type().isUnknownType()) return elementParameter(d, depth);
        String t = ProjectIndex.simple(d.type());
        if ("var".equals(t)) {
            if (d.init() != null) return typeOf(d.init(), depth + 1);
            // for (var l : listeners)
            return Trees.parent(d.declNode()) instanceof VariableDeclarationExpr vde && Trees.parent(vde) instanceof ForEachStmt fe
                    ? ProjectIndex.simple(elementType(fe.getIterable(), 0, depth)) : null;
        }
        return t;
    }

    /** Methods whose lambda argument's parameters are the elements of the collection or stream they are called on. */
    private static final Set<String> PER_ELEMENT = Set.of(
            "forEach", "forEachOrdered", "removeIf", "anyMatch", "allMatch", "noneMatch", "filter", "peek");

    /** Stream steps that keep the element type. */
    private static final Set<String> SAME_ELEMENTS = Set.of(
            "stream", "parallelStream", "filter", "peek", "sorted", "distinct", "limit", "skip", "unordered", "sequential", "parallel");

    /**
     * The type of an untyped lambda parameter that is an element of what it is called on:
     * {@code listeners.forEach(l -> l.changed())}, {@code map.forEach((k, v) -> ...)},
     * {@code list.stream().filter(x -> ...)}: the collection's declared type argument; null otherwise.
     */
    private String elementParameter(VarDecl d, int depth) {
        if (!(d.declNode() instanceof Parameter p) || !(Trees.parent(p) instanceof LambdaExpr le)
                || !(Trees.parent(le) instanceof MethodCallExpr mc) || mc.getScope().isEmpty()
                || !PER_ELEMENT.contains(mc.getNameAsString())) {
            return null;
        }
        return ProjectIndex.simple(elementType(mc.getScope().get(), le.getParameters().indexOf(p), depth));
    }

    /**
     * The declared type of the {@code i}-th element parameter of a collection, map or stream
     * expression: a {@code Map}'s key (0) or value (1), a collection's element (0), a stream of a
     * collection's elements; the bound of a wildcard. Null when the declarations do not say.
     */
    private Type elementType(Expression e, int i, int depth) {
        if (depth > MAX_DEPTH || i < 0) return null;
        Expression x = e;
        while (x instanceof EnclosedExpr en) x = en.getInner();
        if (x instanceof MethodCallExpr mc && mc.getScope().isPresent() && mc.getArguments().isEmpty()) {
            String name = mc.getNameAsString();
            if (SAME_ELEMENTS.contains(name) && i == 0) return elementType(mc.getScope().get(), 0, depth + 1);
            if (name.equals("keySet") && i == 0) return elementType(mc.getScope().get(), 0, depth + 1);
            if (name.equals("values") && i == 0) return elementType(mc.getScope().get(), 1, depth + 1);
            return null;
        }
        Type declared = null;
        if (x instanceof NameExpr n) {
            VarDecl v = findLocal(n.getNameAsString(), n);
            if (v != null) declared = v.type();
            else {
                FieldInfo f = findField(n.getNameAsString(), n);
                if (f != null) declared = f.decl.getType();
            }
        } else if (x instanceof FieldAccessExpr fa) {
            FieldInfo f = fieldOf(fa);
            if (f != null) declared = f.decl.getType();
        }
        if (declared == null) return null;
        if (!declared.isClassOrInterfaceType() || declared.asClassOrInterfaceType().getTypeArguments().isEmpty()) return null;
        NodeList<Type> args = declared.asClassOrInterfaceType().getTypeArguments().get();
        boolean map = declared.asClassOrInterfaceType().getNameAsString().endsWith("Map");
        Type t = map ? (args.size() == 2 && i < 2 ? args.get(i) : null) : (args.size() == 1 && i == 0 ? args.get(0) : null);
        if (t != null && t.isWildcardType()) t = t.asWildcardType().getExtendedType().map(Type.class::cast).orElse(null);
        return t;
    }

    private String fieldType(FieldInfo f, int depth) {
        return f.type;
    }

    private static boolean isTypeVariable(MethodInfo m) {
        if (m.decl instanceof com.github.javaparser.ast.body.MethodDeclaration md) {
            String rt = md.getType().asString();
            for (var tp : md.getTypeParameters()) if (tp.getNameAsString().equals(rt)) return true;
            return rt.length() == 1 && Character.isUpperCase(rt.charAt(0));
        }
        return false;
    }

    /** The field a field access denotes: {@code this.f}, {@code Outer.this.f}, {@code Type.F}, {@code expr.f}. */
    public FieldInfo fieldOf(FieldAccessExpr fa) {
        Expression scope = fa.getScope();
        String name = fa.getNameAsString();
        if (scope instanceof ThisExpr t) {
            TypeInfo ti = t.getTypeName().isPresent() ? outerNamed(fa, t.getTypeName().get().getIdentifier()) : index.enclosingType(fa);
            return fieldIn(ti, name);
        }
        if (scope instanceof SuperExpr) {
            TypeInfo ti = index.enclosingType(fa);
            for (TypeInfo s : ti == null ? List.<TypeInfo>of() : index.superTypeInfos(ti)) {
                FieldInfo f = s.field(name);
                if (f != null) return f;
            }
            return null;
        }
        TypeInfo ti = typeInfoOf(scope);
        return ti == null ? null : fieldIn(ti, name);
    }

    private TypeInfo outerNamed(Node at, String simple) {
        for (TypeInfo t = index.enclosingType(at); t != null; t = t.outer) if (t.simpleName.equals(simple)) return t;
        return index.firstBySimpleName(simple, null);
    }

    /** The project type an expression has (or names, for a static reference), or null. */
    public TypeInfo typeInfoOf(Expression scope) {
        return typeInfoNamed(typeOf(scope), scope);
    }

    private TypeInfo typeInfoNamed(String simpleType, Node near) {
        if (simpleType == null) return null;
        ParsedFile file = Optional.ofNullable(index.enclosingType(near)).map(x -> x.file).orElse(null);
        return index.firstBySimpleName(simpleType, file);
    }

    /** The {@code new X(...)} that created the object a field or local holds, when it is the only value assigned. */
    public ObjectCreationExpr creationOf(Expression e) {
        Expression x = e;
        for (int depth = 0; depth < MAX_DEPTH && x != null; depth++) {
            if (x instanceof ObjectCreationExpr o) return o;
            if (x instanceof EnclosedExpr en) {
                x = en.getInner();
            } else if (x instanceof CastExpr c) {
                x = c.getExpression();
            } else if (x instanceof NameExpr n) {
                VarDecl d = findLocal(n.getNameAsString(), n);
                if (d != null) {
                    x = d.init();
                } else {
                    FieldInfo f = findField(n.getNameAsString(), n);
                    x = f == null ? null : f.singleValue();
                }
            } else if (x instanceof FieldAccessExpr fa) {
                FieldInfo f = fieldOf(fa);
                x = f == null ? null : f.singleValue();
            } else {
                return null;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- locks

    /** What lock (object or view) an expression denotes, or null. */
    public LockVal lockOf(Expression e) {
        return lockOf(e, 0);
    }

    private LockVal lockOf(Expression e, int depth) {
        if (e == null || depth > MAX_DEPTH) return null;
        if (e instanceof EnclosedExpr en) return lockOf(en.getInner(), depth + 1);
        if (e instanceof CastExpr c) return lockOf(c.getExpression(), depth + 1);
        if (e instanceof NameExpr n) {
            String name = n.getNameAsString();
            VarDecl d = findLocal(name, n);
            if (d != null) return localLock(d, n, depth);
            FieldInfo f = findField(name, n);
            return f == null ? null : fieldLock(f, depth);
        }
        if (e instanceof FieldAccessExpr fa) {
            FieldInfo f = fieldOf(fa);
            return f == null ? null : fieldLock(f, depth);
        }
        LockVal family = familyLock(e);
        if (family != null) return family;
        if (e instanceof MethodCallExpr mc && mc.getArguments().isEmpty()) {
            String m = mc.getNameAsString();
            if (mc.getScope().isPresent()
                    && (m.equals("readLock") || m.equals("writeLock") || m.equals("asReadLock") || m.equals("asWriteLock")
                    || m.equals("asReadWriteLock"))) {
                LockVal s = lockOf(mc.getScope().get(), depth + 1);
                if (s instanceof LockVal.Obj o) {
                    boolean read = m.equals("readLock") || m.equals("asReadLock");
                    if (o.kind() == ObjKind.RW && (m.equals("readLock") || m.equals("writeLock"))) {
                        return new LockVal.View(new LockRef(o.id(), read ? LockMode.READ : LockMode.WRITE));
                    }
                    if (o.kind() == ObjKind.STAMPED && o.stampedRw() && (m.equals("readLock") || m.equals("writeLock"))) {
                        return new LockVal.View(new LockRef(o.id(), read ? LockMode.STAMP_READ : LockMode.STAMP_WRITE));
                    }
                    if (o.kind() == ObjKind.STAMPED && !o.stampedRw()) {
                        if (m.equals("asReadWriteLock")) return new LockVal.Obj(o.id(), true);
                        if (m.equals("asReadLock") || m.equals("asWriteLock")) {
                            return new LockVal.View(new LockRef(o.id(), read ? LockMode.STAMP_READ : LockMode.STAMP_WRITE));
                        }
                    }
                }
                return null;
            }
            // a handle's acquisition returns the handle: readLock.acquire() is readLock
            if (mc.getScope().isPresent() && LockHandles.isHandleMethod(m)) {
                String t = typeOf(mc.getScope().get());
                LockHandles.HandleRow row = t == null ? null : LockHandles.handle(index.selfAndSupers(t), m, 0);
                if (row != null && row.op() != LockApis.Op.RELEASE) return lockOf(mc.getScope().get(), depth + 1);
            }
        }
        // a getter in the sources: `Lock lock() { return lock; }`, or of a family member keyed by its
        // parameter: `RRWL lockFor(String k) { return locks.computeIfAbsent(k, x -> new RRWL()); }`
        if (e instanceof MethodCallExpr mc) {
            List<MethodInfo> ms = resolveCall(mc);
            if (ms.size() == 1 && ms.get(0).body != null && ms.get(0).body.getStatements().size() == 1
                    && ms.get(0).body.getStatement(0) instanceof ReturnStmt rs && rs.getExpression().isPresent()) {
                LockVal v = lockOf(rs.getExpression().get(), depth + 1);
                // a lock the getter was given (`Lock pick(Lock l) { return l; }`) is the callee's own parameter: not the caller's to name
                if (!mc.getArguments().isEmpty() && v != null
                        && (v instanceof LockVal.Obj o ? o.id() : ((LockVal.View) v).ref().id()).isParameter()) return null;
                return v;
            }
        }
        return null;
    }

    private LockVal localLock(VarDecl d, Node use, int depth) {
        if (d.init() != null) {
            LockVal v = lockOf(d.init(), depth + 1);
            if (v != null) return v;
        }
        String type = declType(d, depth);
        ObjKind k = objKind(type);
        if (k == null) return null;
        TypeInfo owner = index.enclosingType(d.declNode());
        String method = enclosingCallableName(d.declNode());
        int line = d.declNode().getBegin().map(p -> p.line).orElse(0);
        LockId id = new LockId(owner == null ? "" : owner.qualifiedName, owner == null ? "" : owner.simpleName,
                method + "." + d.name() + "@" + line, baseKind(k), parameterIndex(d.declNode()));
        return objOrView(id, k);
    }

    /**
     * The lock a field holds, remembered per field: worked out from the field alone (its own depth
     * budget, whatever the expression that reached it), so the remembered answer does not depend
     * on which use asked first. A field whose value leads back to itself is no lock.
     */
    private LockVal fieldLock(FieldInfo f, int depth) {
        Optional<LockVal> memo = fieldLocks.get(f);
        if (memo != null) return memo.orElse(null);
        Set<FieldInfo> open = openFields.get();
        if (!open.add(f)) return null;
        LockVal v = null;
        try {
            Expression value = f.singleValue();
            if (value != null && !(value instanceof ObjectCreationExpr)) v = lockOf(value, 1);
            // a handle wrapping a lock is that lock: new AutoCloseableLock(rw.readLock())
            if (value instanceof ObjectCreationExpr oce && oce.getArguments().size() == 1
                    && LockHandles.wrapsArgument(ProjectIndex.simple(oce.getType()))) {
                v = lockOf(oce.getArgument(0), 1);
            }
        } finally {
            open.remove(f);
        }
        if (v == null) {
            ObjKind k = objKind(f.type);
            if (k != null) v = objOrView(new LockId(f.owner.qualifiedName, f.owner.simpleName, f.name, baseKind(k)), k);
        }
        Optional<LockVal> prev = fieldLocks.putIfAbsent(f, Optional.ofNullable(v));
        return prev != null ? prev.orElse(null) : v;
    }

    /**
     * What kind of lock object a declared type is: the JDK lock types, and the handle types of
     * {@link LockHandles} (a handle is a lock: its own, or the one its constructor was given). A
     * table type the sources declare themselves counts only when it is one of the table's
     * library names ({@link LockHandles#isLibraryName}): Guava's {@code Monitor} is not every
     * class named Monitor.
     */
    ObjKind objKind(String type) {
        ObjKind k = LockApis.objKind(type);
        if (k != null || !LockHandles.isHandleType(type)) return k;
        if (!LockHandles.isLibraryName(type) && index.firstBySimpleName(type, null) != null) return null;
        return ObjKind.EXCLUSIVE;
    }

    /**
     * The lock a lock-manager call of {@link LockHandles} acquires ({@code lockManager.readLock(BLOCK_POOl, bpid)})
     * and its instance, or null. The family is named by the manager type and the constant first
     * argument (an enum constant or a string); the instance by the manager object and the other
     * arguments, so only the same key from the same manager is the same lock.
     */
    public List<ManagedLock> managedLocks(MethodCallExpr mc) {
        if (!LockHandles.isManagerMethod(mc.getNameAsString())) return null;
        String type;
        if (mc.getScope().isPresent()) {
            type = typeOf(mc.getScope().get());
        } else {
            TypeInfo t = index.enclosingType(mc);
            type = t == null ? null : t.simpleName;
        }
        if (type == null) return null;
        LockHandles.ManagerRow row = LockHandles.manager(index.selfAndSupers(type), mc.getNameAsString(), mc.getArguments().size());
        if (row == null) return null;
        String family = "lock";
        List<Expression> keys = new ArrayList<>(mc.getArguments());
        if (!keys.isEmpty() && constantName(keys.get(0)) != null) family = constantName(keys.remove(0));
        String base = mc.getScope().isPresent() ? objPath(mc.getScope().get()) : "this";
        ManagedLock lock = new ManagedLock(new LockRef(new LockId(row.type(), row.type(), family, ObjKind.RW), row.mode()),
                keyInstance(base, keys));
        if (row.parent() == null || family.equals("lock") || family.equals(row.parent()) || keys.isEmpty()) return List.of(lock);
        ManagedLock parent = new ManagedLock(new LockRef(new LockId(row.type(), row.type(), row.parent(), ObjKind.RW), LockMode.READ),
                keyInstance(base, keys.subList(0, 1)));
        return List.of(parent, lock);
    }

    /** The instance of a family lock: the manager's path and the keys' ({@code this.locks[~bpid@12]}), null when unknown. */
    private String keyInstance(String base, List<Expression> keys) {
        if (base == null) return null;
        StringBuilder inst = new StringBuilder(base).append('[');
        for (Expression k : keys) {
            String p = objPath(k);
            if (p == null) return null;
            // a key held in a local is only meaningful in this body: rebase drops it
            if (p.startsWith("~") && inst.charAt(0) != '~') inst.insert(0, '~');
            inst.append(p).append(',');
        }
        return inst.append(']').toString();
    }

    /** A lock a manager hands out: the lock and mode, and the instance (null: unknown). */
    public record ManagedLock(LockRef ref, String instance) {
    }

    private static String constantName(Expression e) {
        if (e instanceof FieldAccessExpr fa && Character.isUpperCase(fa.getNameAsString().charAt(0))) return fa.getNameAsString();
        if (e instanceof NameExpr n && n.getNameAsString().chars().allMatch(c -> Character.isUpperCase(c) || c == '_' || Character.isDigit(c))) {
            return n.getNameAsString();
        }
        if (e instanceof StringLiteralExpr sl) return sl.getValue();
        return null;
    }

    // ---------------------------------------------------------------- lock families

    /** Calls that hand out one element of a map, list or Guava Striped of locks. */
    private static final Set<String> FAMILY_GETTERS = Set.of("get", "computeIfAbsent", "getOrDefault", "getAt");

    /**
     * A lock kept in a map, list, array or Guava {@code Striped} ({@code locks.computeIfAbsent(k, x ->
     * new ReentrantReadWriteLock())}, {@code stripes.get(i)}, {@code locks[i]}): one lock of the
     * family the container field names ({@code Table.locks[]}). Which element it is, is the
     * instance ({@link #familyKey}).
     */
    private LockVal familyLock(Expression e) {
        Expression container;
        if (e instanceof MethodCallExpr mc && mc.getScope().isPresent() && !mc.getArguments().isEmpty()
                && FAMILY_GETTERS.contains(mc.getNameAsString())) {
            container = mc.getScope().get();
        } else if (e instanceof ArrayAccessExpr aa) {
            container = aa.getName();
        } else {
            return null;
        }
        FieldInfo f = container instanceof NameExpr n && findLocal(n.getNameAsString(), n) == null ? findField(n.getNameAsString(), n)
                : container instanceof FieldAccessExpr fa ? fieldOf(fa) : null;
        if (f == null) return null;
        Type t = f.decl.getType();
        Type element = null;
        if (e instanceof ArrayAccessExpr) {
            if (t.isArrayType()) element = t.asArrayType().getComponentType();
        } else if (t.isClassOrInterfaceType() && t.asClassOrInterfaceType().getTypeArguments().isPresent()) {
            NodeList<Type> args = t.asClassOrInterfaceType().getTypeArguments().get();
            String c = t.asClassOrInterfaceType().getNameAsString();
            if (c.endsWith("Map") && args.size() == 2) element = args.get(1);
            else if ((c.endsWith("List") || c.equals("Striped")) && args.size() == 1) element = args.get(0);
        }
        ObjKind k = element == null ? null : LockApis.objKind(ProjectIndex.simple(element));
        if (k == null) return null;
        return objOrView(new LockId(f.owner.qualifiedName, f.owner.simpleName, f.name + "[]", baseKind(k)), k);
    }

    /** The instance of a family element: the container's path and the key's ({@code this.locks[~id@12]}), null when unknown. */
    private String familyKey(Expression e) {
        Expression container = e instanceof MethodCallExpr mc ? mc.getScope().orElse(null) : e instanceof ArrayAccessExpr aa ? aa.getName() : null;
        Expression key = e instanceof MethodCallExpr mc ? mc.getArgument(0) : e instanceof ArrayAccessExpr aa ? aa.getIndex() : null;
        String base = container == null ? null : objPath(container);
        String k = key == null ? null : objPath(key);
        if (base == null || k == null) return null;
        return (k.startsWith("~") && !base.startsWith("~") ? "~" : "") + base + "[" + k + "]";
    }

    /** The fields whose lock this thread is working out (a cycle of field initialisers ends there). */
    private final ThreadLocal<Set<FieldInfo>> openFields =
            ThreadLocal.withInitial(() -> java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));

    private static ObjKind baseKind(ObjKind k) {
        return k == ObjKind.READ_VIEW || k == ObjKind.WRITE_VIEW ? ObjKind.RW : k;
    }

    private static LockVal objOrView(LockId id, ObjKind k) {
        return switch (k) {
            case READ_VIEW -> new LockVal.View(new LockRef(id, LockMode.READ));
            case WRITE_VIEW -> new LockVal.View(new LockRef(id, LockMode.WRITE));
            default -> new LockVal.Obj(id, false);
        };
    }

    // ---------------------------------------------------------------- instances

    /**
     * The object whose field a lock expression reads, as a path from this body: {@code "this"}
     * (own field), {@code "this.db"}, {@code "~db@12"} (a local or parameter declared at line 12),
     * {@code ""} for a static lock; null when the syntax does not tell. Locks are named by field
     * (LockId); the instance says whether two acquisitions are of the same object.
     */
    public String instanceOf(Expression e) {
        return instanceOf(e, 0);
    }

    private String instanceOf(Expression e, int depth) {
        if (e == null || depth > MAX_DEPTH) return null;
        if (e instanceof EnclosedExpr en) return instanceOf(en.getInner(), depth + 1);
        if (e instanceof CastExpr c) return instanceOf(c.getExpression(), depth + 1);
        if (e instanceof NameExpr n) {
            VarDecl d = findLocal(n.getNameAsString(), n);
            if (d != null) {
                if (d.init() != null && lockOf(d.init()) != null) return instanceOf(d.init(), depth + 1);
                return "~" + d.name() + "@" + d.declNode().getBegin().map(p -> p.line).orElse(0);
            }
            FieldInfo f = findField(n.getNameAsString(), n);
            return f == null ? null : fieldInstance(f, f.isStatic ? "" : "this", depth);
        }
        if (e instanceof FieldAccessExpr fa) {
            FieldInfo f = fieldOf(fa);
            if (f == null) return null;
            return fieldInstance(f, f.isStatic ? "" : objPath(fa.getScope()), depth);
        }
        if ((e instanceof MethodCallExpr || e instanceof ArrayAccessExpr) && familyLock(e) != null) return familyKey(e);
        if (e instanceof MethodCallExpr mc) {
            if (mc.getArguments().isEmpty() && VIEW_GETTERS.contains(mc.getNameAsString())) {
                return mc.getScope().map(sc -> instanceOf(sc, depth + 1)).orElse(null);
            }
            List<MethodInfo> ms = resolveCall(mc);
            if (ms.size() == 1 && ms.get(0).body != null && ms.get(0).body.getStatements().size() == 1
                    && ms.get(0).body.getStatement(0) instanceof ReturnStmt rs && rs.getExpression().isPresent()) {
                String base = mc.getScope().map(this::objPath).orElse("this");
                return substitute(instanceOf(rs.getExpression().get(), depth + 1), ms.get(0), mc.getArguments(), base);
            }
        }
        return null;
    }

    private static final Set<String> VIEW_GETTERS = Set.of("readLock", "writeLock", "asReadLock", "asWriteLock", "asReadWriteLock");

    /** A field's lock instance: the object holding it, or, for an alias field, the object of the lock it aliases. */
    private String fieldInstance(FieldInfo f, String base, int depth) {
        Expression value = f.singleValue();
        if (value != null && !(value instanceof ObjectCreationExpr) && lockOf(value) != null) {
            return rebase(instanceOf(value, depth + 1), base);
        }
        return base;
    }

    /** The path of an object expression: {@code this}, {@code this.db}, {@code ~db@12}, {@code static:Cache.X}. */
    public String objPath(Expression e) {
        if (e instanceof EnclosedExpr en) return objPath(en.getInner());
        if (e instanceof CastExpr c) return objPath(c.getExpression());
        if (e instanceof ThisExpr) return "this";
        if (e instanceof NameExpr n) return pathOfVariable(n.getNameAsString(), n);
        if (e instanceof FieldAccessExpr fa) {
            FieldInfo f = fieldOf(fa);
            if (f != null && f.isStatic) return "static:" + f.owner.qualifiedName + "." + f.name;
            String p = objPath(fa.getScope());
            return p == null ? null : p + "." + fa.getNameAsString();
        }
        return null;
    }

    private String pathOfVariable(String name, Node at) {
        VarDecl d = findLocal(name, at);
        if (d != null) return "~" + d.name() + "@" + d.declNode().getBegin().map(p -> p.line).orElse(0);
        FieldInfo f = findField(name, at);
        if (f == null) return null;
        return f.isStatic ? "static:" + f.owner.qualifiedName + "." + f.name : "this." + f.name;
    }

    /**
     * Re-expresses an instance path seen from a callee ({@code this} = the callee's receiver) in the
     * caller, where the receiver is {@code base}. Callee locals mean nothing to the caller: null.
     */
    public static String rebase(String inst, String base) {
        if (inst == null) return null;
        if (inst.isEmpty() || inst.startsWith("static:")) return inst;
        if (base == null) return null;
        if (inst.equals("this")) return base;
        if (inst.startsWith("this.")) return base + inst.substring(4);
        return null;
    }

    private static final java.util.regex.Pattern FAMILY_INSTANCE = java.util.regex.Pattern.compile("~?(.*)\\[(.*)\\]");
    private static final java.util.regex.Pattern LOCAL_PATH = java.util.regex.Pattern.compile("~([A-Za-z_$][A-Za-z0-9_$]*)@(\\d+)(\\..*)?");

    /**
     * Like {@link #rebase}, and a family element's key ({@code this.locks[~path@14]}) that is a
     * parameter of the callee becomes the caller's argument at that position: the lock a getter
     * {@code lockFor(String path)} returns, called as {@code lockFor(src)}, is the element keyed
     * by {@code src}. Other instances are rebased only.
     */
    public String substitute(String inst, MethodInfo callee, List<Expression> args, String base) {
        if (inst == null || callee == null) return rebase(inst, base);
        java.util.regex.Matcher fm = FAMILY_INSTANCE.matcher(inst);
        if (!fm.matches()) return inst.startsWith("~") ? selfArgument(inst, callee, args) : rebase(inst, base);
        String container = substitutePath(fm.group(1), callee, args, base);
        String key = substitutePath(fm.group(2), callee, args, base);
        if (container == null || key == null) return null;
        return (key.startsWith("~") && !container.startsWith("~") ? "~" : "") + container + "[" + key + "]";
    }

    /**
     * A lock of the callee's parameter ({@code h.update()} in {@code onChange(Holder h)}) where the
     * caller passes itself ({@code l.onChange(this)}): the caller's own object. Other arguments stay
     * unknown: two paths to one object ({@code ctx.ns.lock}, {@code ns.lock}) would read as two
     * objects of one lock class.
     */
    private String selfArgument(String path, MethodInfo callee, List<Expression> args) {
        java.util.regex.Matcher lm = LOCAL_PATH.matcher(path);
        if (!lm.matches()) return null;
        Expression a = argumentFor(lm, callee, args);
        while (a instanceof EnclosedExpr en) a = en.getInner();
        return a instanceof ThisExpr t && t.getTypeName().isEmpty() ? "this" + (lm.group(3) == null ? "" : lm.group(3)) : null;
    }

    /** The caller's argument for the callee parameter a local path names ({@code ~name@line}), or null. */
    private static Expression argumentFor(java.util.regex.Matcher local, MethodInfo callee, List<Expression> args) {
        for (int i = 0; i < callee.decl.getParameters().size() && i < args.size(); i++) {
            com.github.javaparser.ast.body.Parameter p = callee.decl.getParameter(i);
            if (p.isVarArgs() || !p.getNameAsString().equals(local.group(1))
                    || p.getBegin().map(x -> x.line).orElse(0) != Integer.parseInt(local.group(2))) continue;
            return args.get(i);
        }
        return null;
    }

    private String substitutePath(String path, MethodInfo callee, List<Expression> args, String base) {
        java.util.regex.Matcher lm = LOCAL_PATH.matcher(path);
        if (!lm.matches()) return rebase(path, base);
        Expression arg = argumentFor(lm, callee, args);
        String a = arg == null ? null : objPath(arg);
        return a == null ? null : a + (lm.group(3) == null ? "" : lm.group(3));
    }

    /** The lock a {@code Lock}-view expression acquires when locked ({@code lock.lock()}), or null. */
    public LockRef viewRef(Expression e) {
        LockVal v = lockOf(e);
        if (v instanceof LockVal.View view) return view.ref();
        if (v instanceof LockVal.Obj o && o.kind() == ObjKind.EXCLUSIVE) return new LockRef(o.id(), LockMode.EXCLUSIVE);
        return null;
    }

    /** The lock object an expression denotes (a read-write lock, a ReentrantLock...), or null. */
    public LockId lockIdOf(Expression e) {
        LockVal v = lockOf(e);
        return v instanceof LockVal.Obj o ? o.id() : null;
    }

    /** The StampedLock an expression denotes, or null. */
    public LockId stampedOf(Expression e) {
        LockVal v = lockOf(e);
        return v instanceof LockVal.Obj o && o.kind() == ObjKind.STAMPED && !o.stampedRw() ? o.id() : null;
    }

    /** The lock a {@code Condition} belongs to: a field or local initialised with {@code lock.newCondition()}. */
    public LockId conditionOwner(Expression condition) {
        Expression init = null;
        if (condition instanceof NameExpr n) {
            VarDecl d = findLocal(n.getNameAsString(), n);
            if (d != null) init = d.init();
            else {
                FieldInfo f = findField(n.getNameAsString(), n);
                if (f != null) init = f.singleValue();
            }
        } else if (condition instanceof FieldAccessExpr fa) {
            FieldInfo f = fieldOf(fa);
            if (f != null) init = f.singleValue();
        } else if (condition instanceof MethodCallExpr mc) {
            init = mc;
        }
        if (init instanceof MethodCallExpr mc && mc.getNameAsString().equals("newCondition") && mc.getScope().isPresent()) {
            LockRef r = viewRef(mc.getScope().get());
            return r == null ? null : r.id();
        }
        return null;
    }

    /** The index of a method's or constructor's parameter; -1 for any other declaration (a lambda's parameter too). */
    static int parameterIndex(Node decl) {
        if (decl instanceof Parameter p && Trees.parent(p) instanceof CallableDeclaration<?> cd) {
            for (int i = 0; i < cd.getParameters().size(); i++) if (cd.getParameter(i) == p) return i;
        }
        return -1;
    }

    private static String enclosingCallableName(Node n) {
        for (Node p = n; p != null; p = Trees.parent(p)) {
            if (p instanceof CallableDeclaration<?> cd) return cd.getNameAsString();
            if (p instanceof LambdaExpr) return "lambda";
        }
        return "init";
    }

    // ---------------------------------------------------------------- calls

    /**
     * The methods of the sources a call may run: same class, outer classes, supertypes, receivers
     * of known type. Code outside the test sources never runs a method of the test sources: tests
     * are callers only.
     */
    public List<MethodInfo> resolveCall(MethodCallExpr call) {
        CallKey key = new CallKey(call);
        List<MethodInfo> known = resolved.get(key);
        if (known != null) return known;
        List<MethodInfo> v = List.copyOf(computeResolveCall(call));
        resolved.putIfAbsent(key, v);
        return v;
    }

    /** A call node by identity: JavaParser's Node.equals and hashCode compare structure. */
    private record CallKey(MethodCallExpr call) {
        @Override
        public boolean equals(Object o) {
            return o instanceof CallKey k && k.call == call;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(call);
        }
    }

    /**
     * Every call's targets, once per pass: the flow, the summaries, the checks and the callers'
     * questions each resolved the same call again (a tenth of a scan of apache/kafka). Lock-free:
     * the pass's threads look calls up all the time.
     */
    private final Map<CallKey, List<MethodInfo>> resolved = new ConcurrentHashMap<>();

    private List<MethodInfo> computeResolveCall(MethodCallExpr call) {
        List<MethodInfo> ms = resolveAny(call);
        if (ms.isEmpty()) return ms;
        TypeInfo from = index.enclosingType(call);
        if (from != null && isTestSource(from.file)) return ms;
        List<MethodInfo> out = null;
        for (MethodInfo m : ms) {
            if (isTestSource(m.owner.file)) {
                if (out == null) out = new ArrayList<>(ms.subList(0, ms.indexOf(m)));
            } else if (out != null) {
                out.add(m);
            }
        }
        return out == null ? ms : out;
    }

    /** A file of the test sources: under a {@code src/test/} directory (Maven and Gradle layouts). */
    static boolean isTestSource(ParsedFile f) {
        Boolean known = TEST_SOURCES.get(f);
        if (known != null) return known;
        boolean v = computeIsTestSource(f);
        TEST_SOURCES.put(f, v);
        return v;
    }

    /** By file identity (ParsedFile hashes by identity); weak, so that a scan's files go with it. */
    private static final Map<ParsedFile, Boolean> TEST_SOURCES = Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static boolean computeIsTestSource(ParsedFile f) {
        String p = "/" + f.source().relPath().replace('\\', '/');
        return p.contains("/src/test/") || p.contains("/src/testFixtures/") || p.contains("/src/integrationTest/");
    }

    /**
     * Whether the syntax fixes the one method a call runs ({@link dev.lockcheck.report.TraceStep#EXACT}):
     * a static, private or final method, a constructor, a method of a final class, an enum, a
     * record or an anonymous class, a receiver whose class the code fixes (a field only ever
     * assigned {@code new X(...)}), or a method no type of the sources overrides (for an abstract
     * or interface method: exactly one implementation in the sources). Otherwise the call is
     * guessed: several methods could run there.
     */
    public boolean exact(MethodCallExpr call, List<MethodInfo> targets) {
        if (targets.size() != 1) return false;
        MethodInfo m = targets.get(0);
        if (call.getScope().isPresent() && fixedClass(call.getScope().get()) != null) return true;
        if (call.getScope().isPresent() && call.getScope().get() instanceof SuperExpr) return true;
        if (overriddenInSources(m)) return false;
        // the receiver's declared type may have subtypes in files the prefilter left out
        TypeInfo declared = call.getScope().isPresent() ? typeInfoOf(call.getScope().get()) : null;
        return declared == null || declared == m.owner || !extendedOutsideBelow(declared);
    }

    /** Whether a file not parsed extends {@code t} or one of its subtypes. */
    private boolean extendedOutsideBelow(TypeInfo t) {
        if (extendedOutside.isEmpty()) return false;
        Boolean known = extendedBelow.get(t);
        if (known != null) return known;
        boolean r = computeExtendedOutsideBelow(t);
        extendedBelow.putIfAbsent(t, r);
        return r;
    }

    /**
     * A lambda given where an interface of the sources with one method is expected, so an
     * implementation of it that has no class: {@code pool.addListener((n, used) -> pool.trim(used))}
     * for {@code addListener(PoolListener l)}. {@code method} is the method it was given to.
     */
    public record Registration(LambdaExpr lambda, MethodCallExpr call, MethodInfo method, ParsedFile file) {
    }

    /** At most this many lambdas per interface are followed from a call on it (in file order). */
    static final int MAX_LAMBDA_IMPLEMENTATIONS = 4;

    private volatile Map<String, List<Registration>> registrations;
    private volatile Set<String> lambdaMethodNames;

    /**
     * The lambdas of the sources that implement {@code iface} ({@link Registration}); empty when
     * it has none, or more than {@link #MAX_LAMBDA_IMPLEMENTATIONS} (a general-purpose callback
     * type: which lambda a call runs is then anyone's guess).
     */
    public List<Registration> lambdaImplementations(TypeInfo iface) {
        List<Registration> r = registrations().get(iface.qualifiedName);
        return r == null || r.size() > MAX_LAMBDA_IMPLEMENTATIONS ? List.of() : r;
    }

    /**
     * Whether a call of this name may run a lambda given to a method of the sources: the name of
     * the one method of an interface of the sources that some method takes as a parameter (a
     * cheap first test, before typing the receiver).
     */
    public boolean mayRunRegisteredLambda(String name) {
        registrations();
        return lambdaMethodNames.contains(name);
    }

    /** The methods of the sources taking {@code iface} as a parameter ({@code addListener(PoolListener l)}), in index order. */
    public List<MethodInfo> lambdaTakers(TypeInfo iface) {
        registrations();
        return takersOf.getOrDefault(iface.qualifiedName, List.of());
    }

    private volatile Map<String, List<MethodInfo>> takersOf;

    private Map<String, List<Registration>> registrations() {
        Map<String, List<Registration>> r = registrations;
        if (r == null) {
            synchronized (this) {
                r = registrations;
                if (r == null) {
                    r = computeRegistrations();
                    registrations = r;
                }
            }
        }
        return r;
    }

    private record Taker(MethodInfo method, int param, TypeInfo iface) {
    }

    private Map<String, List<Registration>> computeRegistrations() {
        // the interfaces of the sources with one abstract method and no supertypes, by simple name
        Map<String, TypeInfo> functional = new java.util.LinkedHashMap<>();
        Map<String, String> methodOf = new java.util.HashMap<>();
        for (TypeInfo t : index.types()) {
            if (!t.isInterface || !t.superNames.isEmpty()) continue;
            String only = null;
            int abstracts = 0;
            for (List<MethodInfo> ms : t.methodsView().values()) {
                for (MethodInfo m : ms) if (m.body == null && !m.decl.isStatic()) { abstracts++; only = m.name; }
            }
            if (abstracts == 1) {
                functional.putIfAbsent(t.simpleName, t);
                methodOf.putIfAbsent(t.qualifiedName, only);
            }
        }
        Map<String, List<Taker>> takers = new java.util.LinkedHashMap<>();
        java.util.LinkedHashSet<ParsedFile> files = new java.util.LinkedHashSet<>();
        for (TypeInfo t : index.types()) {
            files.add(t.file);
            if (functional.isEmpty()) continue;
            for (List<MethodInfo> ms : t.methodsView().values()) {
                for (MethodInfo m : ms) {
                    for (int i = 0; i < m.paramTypes.size(); i++) {
                        TypeInfo f = functional.get(m.paramTypes.get(i));
                        if (f != null) takers.computeIfAbsent(m.name, k -> new ArrayList<>()).add(new Taker(m, i, f));
                    }
                }
            }
        }
        Map<String, List<Registration>> out = new java.util.HashMap<>();
        Set<String> names = new java.util.HashSet<>();
        Map<String, List<MethodInfo>> byIface = new java.util.HashMap<>();
        for (List<Taker> tks : takers.values()) {
            for (Taker tk : tks) {
                names.add(methodOf.get(tk.iface.qualifiedName));
                List<MethodInfo> ms = byIface.computeIfAbsent(tk.iface.qualifiedName, k -> new ArrayList<>());
                if (!ms.contains(tk.method)) ms.add(tk.method);
            }
        }
        takersOf = byIface;
        for (ParsedFile file : files) {
            if (file == null) continue;
            for (Map.Entry<String, List<Taker>> e : takers.entrySet()) {
                for (MethodCallExpr call : file.nodes().callsNamed(e.getKey())) {
                    List<MethodInfo> targets = null;
                    for (Taker tk : e.getValue()) {
                        if (tk.param >= call.getArguments().size()) continue;
                        Expression a = call.getArgument(tk.param);
                        while (a instanceof EnclosedExpr en) a = en.getInner();
                        if (!(a instanceof LambdaExpr le)) continue;
                        if (targets == null) targets = resolveCall(call);
                        if (!targets.contains(tk.method)) continue;
                        List<Registration> rs = out.computeIfAbsent(tk.iface.qualifiedName, k -> new ArrayList<>());
                        if (rs.stream().noneMatch(x -> x.lambda() == le)) rs.add(new Registration(le, call, tk.method, file));
                    }
                }
            }
        }
        lambdaMethodNames = names;
        return out;
    }

    private final Map<TypeInfo, Set<String>> registeredWith = new ConcurrentHashMap<>();

    private static boolean setFrom(FieldInfo f, String name) {
        for (Expression e : f.assigned) if (e instanceof NameExpr n && n.getNameAsString().equals(name)) return true;
        return false;
    }

    /**
     * The fields of {@code t} its code registers itself with: {@code cluster.addListener(this)},
     * {@code this.store.setListener(this)} (a call on the field with {@code this} among its
     * arguments, {@code this} being a {@code t} and not an inner or anonymous object). A listener
     * that registered itself with its field's object is called back by that object, so in a
     * callback that object is the caller's {@code this}.
     */
    public Set<String> registeredWith(TypeInfo t) {
        return registeredWith.computeIfAbsent(t, x -> {
            Set<String> out = new java.util.TreeSet<>();
            for (MethodCallExpr mc : x.node.findAll(MethodCallExpr.class)) {
                Expression scope = mc.getScope().orElse(null);
                String field = scope instanceof NameExpr n ? n.getNameAsString()
                        : scope instanceof FieldAccessExpr fa && fa.getScope() instanceof ThisExpr te && te.getTypeName().isEmpty()
                        ? fa.getNameAsString() : null;
                if (field == null || x.field(field) == null || x.field(field).isStatic) continue;
                // a constructor's parameter of the field's name counts when the field is set from it
                if (scope instanceof NameExpr n && findLocal(field, n) != null && !setFrom(x.field(field), field)) continue;
                for (Expression a : mc.getArguments()) {
                    if (a instanceof ThisExpr te && te.getTypeName().isEmpty() && index.enclosingType(te) == x) {
                        out.add(field);
                        break;
                    }
                }
            }
            return Set.copyOf(out);
        });
    }

    private final Map<TypeInfo, Boolean> extendedBelow = new ConcurrentHashMap<>();

    private boolean computeExtendedOutsideBelow(TypeInfo t) {
        Set<TypeInfo> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<TypeInfo> queue = new ArrayList<>(List.of(t));
        for (int i = 0; i < queue.size(); i++) {
            if (extendedOutside.contains(queue.get(i).simpleName)) return true;
            for (TypeInfo sub : index.directSubtypes(queue.get(i).simpleName)) if (seen.add(sub)) queue.add(sub);
        }
        return false;
    }

    private final Map<MethodInfo, Boolean> overridden = new ConcurrentHashMap<>();

    private boolean overriddenInSources(MethodInfo m) {
        Boolean known = overridden.get(m);
        if (known != null) return known;
        boolean r = computeOverridden(m);
        overridden.putIfAbsent(m, r);
        return r;
    }

    private boolean computeOverridden(MethodInfo m) {
        if (m.decl instanceof com.github.javaparser.ast.body.ConstructorDeclaration) return false;
        if (m.decl.hasModifier(com.github.javaparser.ast.Modifier.Keyword.STATIC)
                || m.decl.hasModifier(com.github.javaparser.ast.Modifier.Keyword.PRIVATE)
                || m.decl.hasModifier(com.github.javaparser.ast.Modifier.Keyword.FINAL)) {
            return false;
        }
        Node t = m.owner.node;
        if (m.owner.isAnonymous() || t instanceof com.github.javaparser.ast.body.EnumDeclaration
                || t instanceof com.github.javaparser.ast.body.RecordDeclaration
                || t instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration c && c.isFinal()) {
            return false;
        }
        Set<TypeInfo> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<TypeInfo> queue = new ArrayList<>(List.of(m.owner));
        for (int i = 0; i < queue.size(); i++) {
            if (extendedOutside.contains(queue.get(i).simpleName)) return true;
            for (TypeInfo sub : index.directSubtypes(queue.get(i).simpleName)) {
                if (!seen.add(sub)) continue;
                for (MethodInfo x : sub.methods(m.name)) if (x != m && x.arity == m.arity && x.body != null) return true;
                queue.add(sub);
            }
        }
        return false;
    }

    /**
     * The class a receiver certainly has: a field (not a local) whose only value ever assigned is
     * {@code new X(...)} (or an anonymous class); null when the code does not fix it.
     */
    TypeInfo fixedClass(Expression scope) {
        Expression x = scope;
        while (x instanceof EnclosedExpr en) x = en.getInner();
        FieldInfo f = null;
        if (x instanceof NameExpr n && findLocal(n.getNameAsString(), n) == null) f = findField(n.getNameAsString(), n);
        else if (x instanceof FieldAccessExpr fa) f = fieldOf(fa);
        if (f == null || !(f.singleValue() instanceof ObjectCreationExpr oce)) return null;
        if (oce.getAnonymousClassBody().isPresent()) return index.typeOfNode(oce);
        TypeInfo owner = index.enclosingType(oce);
        return index.firstBySimpleName(ProjectIndex.simple(oce.getType()), owner == null ? null : owner.file);
    }

    private List<MethodInfo> resolveAny(MethodCallExpr call) {
        return byArgumentTypes(call, resolveByArity(call));
    }

    /**
     * Among overloads of one arity, the ones whose parameters take the argument types the syntax
     * gives (a literal, {@code new X()}, a cast, a typed local, field or parameter): kept only when
     * at least one candidate provably takes every typed argument, so an argument of unknown type,
     * or a type whose supertypes are not all known, never drops a candidate that could run.
     */
    private List<MethodInfo> byArgumentTypes(MethodCallExpr call, List<MethodInfo> ms) {
        if (ms.size() < 2 || call.getArguments().isEmpty()) return ms;
        boolean differ = false;
        for (MethodInfo m : ms) differ |= !m.paramTypes.equals(ms.get(0).paramTypes);
        if (!differ) return ms;
        List<String> args = new ArrayList<>();
        for (Expression a : call.getArguments()) args.add(argumentType(a));
        List<MethodInfo> out = new ArrayList<>();
        for (MethodInfo m : ms) if (takes(m, args)) out.add(m);
        return out.isEmpty() ? ms : out;
    }

    private boolean takes(MethodInfo m, List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a == null) continue;
            if (m.varargs && i >= m.arity - 1) return false; // varargs: not judged here
            String p = m.paramTypes.get(i);
            if (!assignable(a, p, m)) return false;
        }
        return true;
    }

    private static final Map<String, String> BOXES = Map.of("int", "Integer", "long", "Long", "boolean", "Boolean",
            "char", "Character", "double", "Double", "float", "Float", "short", "Short", "byte", "Byte");
    private static final List<String> WIDENING = List.of("byte", "short", "int", "long", "float", "double");

    /** Whether a value of type {@code a} provably goes into a parameter of type {@code p}. */
    private boolean assignable(String a, String p, MethodInfo m) {
        if (a.equals(p) || p.equals("Object")) return true;
        if (p.length() == 1 && Character.isUpperCase(p.charAt(0))) return true; // a type variable of an enclosing scope
        if (a.equals("null")) return !BOXES.containsKey(p);
        if (m.decl.getTypeParameters().stream().anyMatch(tp -> tp.getNameAsString().equals(p))) return true;
        if (m.owner.node instanceof com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters<?> cd && cd.getTypeParameters().stream().anyMatch(tp -> tp.getNameAsString().equals(p))) {
            return true;
        }
        if (p.equals(BOXES.get(a)) || a.equals(BOXES.get(p))) return true;
        int wa = WIDENING.indexOf(a), wp = WIDENING.indexOf(p);
        if (wa >= 0 && wp >= 0) return wa <= wp || (a.equals("char") && wp >= 2);
        if (a.equals("char") && wp >= 2) return true;
        if (BOXES.containsKey(a)) return p.equals("Number") || p.equals("Comparable") || p.equals("Serializable");
        return index.selfAndSupers(a).contains(p);
    }

    /** The static type of an argument where the syntax gives it; null otherwise. */
    private String argumentType(Expression a) {
        while (a instanceof EnclosedExpr en) a = en.getInner();
        if (a instanceof com.github.javaparser.ast.expr.IntegerLiteralExpr) return "int";
        if (a instanceof com.github.javaparser.ast.expr.LongLiteralExpr) return "long";
        if (a instanceof com.github.javaparser.ast.expr.BooleanLiteralExpr) return "boolean";
        if (a instanceof com.github.javaparser.ast.expr.CharLiteralExpr) return "char";
        if (a instanceof com.github.javaparser.ast.expr.DoubleLiteralExpr d) {
            String v = d.getValue();
            return v.endsWith("f") || v.endsWith("F") ? "float" : "double";
        }
        if (a instanceof com.github.javaparser.ast.expr.TextBlockLiteralExpr) return "String";
        if (a instanceof com.github.javaparser.ast.expr.NullLiteralExpr) return "null";
        if (a instanceof StringLiteralExpr || a instanceof CastExpr || a instanceof ObjectCreationExpr) {
            return a instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent() ? null : typeOf(a);
        }
        if (a instanceof NameExpr) {
            String t = typeOf(a);
            return t == null || t.equals("var") || t.endsWith("[]") ? null : t;
        }
        return null;
    }

    private List<MethodInfo> resolveByArity(MethodCallExpr call) {
        String name = call.getNameAsString();
        int argc = call.getArguments().size();
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty()) {
            for (TypeInfo t = index.enclosingType(call); t != null; t = t.outer) {
                List<MethodInfo> ms = methodsIn(t, name, argc);
                if (!ms.isEmpty()) return ms;
            }
            return List.of();
        }
        Expression s = scope.get();
        if (s instanceof ThisExpr t) {
            TypeInfo ti = t.getTypeName().isPresent() ? outerNamed(call, t.getTypeName().get().getIdentifier()) : index.enclosingType(call);
            return ti == null ? List.of() : withImplementations(methodsIn(ti, name, argc), name, argc);
        }
        if (s instanceof SuperExpr) {
            TypeInfo ti = index.enclosingType(call);
            if (ti == null) return List.of();
            for (TypeInfo st : index.superTypeInfos(ti)) {
                List<MethodInfo> ms = declared(st, name, argc);
                if (!ms.isEmpty()) return ms;
            }
            return List.of();
        }
        TypeInfo fixed = fixedClass(s);
        if (fixed != null) {
            List<MethodInfo> ms = methodsIn(fixed, name, argc);
            if (!ms.isEmpty() && ms.stream().allMatch(m -> m.body != null)) return ms;
        }
        return resolveOn(call, typeInfoOf(s));
    }

    /** The methods a call may run on a receiver of project type {@code ti} (and its implementations). */
    private List<MethodInfo> resolveOn(MethodCallExpr call, TypeInfo ti) {
        if (ti == null) return List.of();
        String name = call.getNameAsString();
        int argc = call.getArguments().size();
        return withImplementations(methodsIn(ti, name, argc), name, argc);
    }

    private List<MethodInfo> methodsIn(TypeInfo t, String name, int argc) {
        List<MethodInfo> ms = declared(t, name, argc);
        if (!ms.isEmpty()) return ms;
        for (TypeInfo st : index.superTypeInfos(t)) {
            ms = declared(st, name, argc);
            if (!ms.isEmpty()) return ms;
        }
        return List.of();
    }

    private static List<MethodInfo> declared(TypeInfo t, String name, int argc) {
        List<MethodInfo> out = null;
        for (MethodInfo m : t.methods(name)) {
            if (m.accepts(argc)) {
                if (out == null) out = new ArrayList<>(2);
                out.add(m);
            }
        }
        return out == null ? List.of() : out;
    }

    /** A call to an abstract or interface method may run any implementation in the sources. */
    private List<MethodInfo> withImplementations(List<MethodInfo> ms, String name, int argc) {
        if (ms.isEmpty() || ms.stream().allMatch(m -> m.body != null)) return ms;
        List<MethodInfo> out = new ArrayList<>();
        for (MethodInfo m : ms) if (m.body != null) out.add(m);
        Set<TypeInfo> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<TypeInfo> queue = new ArrayList<>();
        for (MethodInfo m : ms) if (m.body == null) queue.add(m.owner);
        for (int i = 0; i < queue.size() && out.size() < MAX_IMPLEMENTATIONS; i++) {
            TypeInfo t = queue.get(i);
            for (TypeInfo sub : index.directSubtypes(t.simpleName)) {
                if (!seen.add(sub)) continue;
                queue.add(sub);
                for (MethodInfo m : declared(sub, name, argc)) {
                    if (m.body != null && out.size() < MAX_IMPLEMENTATIONS) out.add(m);
                }
            }
        }
        return out;
    }
}
