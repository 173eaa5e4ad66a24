package dev.lockcheck.analysis;

import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.lockcheck.analysis.ProjectIndex.MethodInfo;
import dev.lockcheck.analysis.knowledge.LockApis.ObjKind;
import dev.lockcheck.model.LockMode;

/**
 * A callee's lock effects seen from one call site. A summary speaks of the callee's own terms:
 * its receiver's fields ({@code this.lock}), its parameters ({@code lock(Lock l)}: a placeholder
 * {@link LockId#isParameter()}) and the constructor parameters its receiver's fields were set
 * from ({@code new LockHandle(rw.readLock())}). Here the caller's expressions replace them: the
 * argument at that position, or the argument the receiver was constructed with. Summaries stay
 * computed once; this runs per call site.
 */
final class Substitution {
    /** What a lock of the summary is in the caller: {@code ref} and {@code instance}, or dropped. */
    record Subst(LockRef ref, String instance) {
    }

    private final Resolver resolver;
    private final MethodCallExpr call;
    private final MethodInfo callee;
    /** The receiver as a path from the caller ({@link Resolver#rebase}). */
    private final String receiver;
    private ObjectCreationExpr creation;
    private boolean creationLooked;

    /** For a lambda listener ({@link #forLambda}): the lambda's path to the object it was registered with. */
    private final String registeredWith;
    private final boolean lambda;

    Substitution(Resolver resolver, MethodCallExpr call, MethodInfo callee, String receiver) {
        this(resolver, call, callee, receiver, null, false);
    }

    private Substitution(Resolver resolver, MethodCallExpr call, MethodInfo callee, String receiver, String registeredWith, boolean lambda) {
        this.resolver = resolver;
        this.call = call;
        this.callee = callee;
        this.receiver = receiver;
        this.registeredWith = registeredWith;
        this.lambda = lambda;
    }

    /**
     * The effects of a lambda listener run by a call on its interface: the lambda's paths name
     * the objects of the body that registered it ({@code ~pool@45.lock} for the captured
     * {@code pool} of {@code pool.addListener(...)}); the one it was registered with
     * ({@code registeredWith}, null when not known to be the caller) is the caller's {@code this},
     * any other is unknown here. A lambda has no parameters that are locks for the caller to give.
     */
    static Substitution forLambda(Resolver resolver, MethodCallExpr call, String registeredWith) {
        return new Substitution(resolver, call, null, null, registeredWith, true);
    }

    /**
     * The caller's lock for a lock of the callee's summary, with its instance; null when the lock
     * is the callee's parameter and the caller's argument names no lock it can tell (a lock the
     * caller cannot name is nothing it could release or order either).
     */
    Subst lock(LockRef ref, String instance) {
        LockId id = ref.id();
        if (lambda) return id.isParameter() ? null : new Subst(ref, fromRegistration(instance));
        if (!id.isParameter()) {
            String back = backReference(instance);
            return new Subst(ref, back != null ? back : resolver.substitute(instance, callee, call.getArguments(), receiver));
        }
        if (isOwnParameter(id)) {
            if (id.param() >= call.getArguments().size()) return null;
            Expression arg = call.getArgument(id.param());
            LockRef r = replace(ref, resolver.lockOf(arg));
            return r == null ? null : new Subst(r, resolver.instanceOf(arg));
        }
        // a field of the receiver set from a constructor parameter: the argument it was built with
        ObjectCreationExpr c = receiverCreation();
        if (c != null && ProjectIndex.simple(c.getType()).equals(id.ownerName()) && id.name().startsWith(id.ownerName() + ".")
                && id.param() < c.getArguments().size()) {
            Expression arg = c.getArgument(id.param());
            LockRef r = replace(ref, resolver.lockOf(arg));
            if (r != null) return new Subst(r, Resolver.rebase(resolver.instanceOf(arg), holderOf(receiver)));
        }
        return new Subst(ref, resolver.substitute(instance, callee, call.getArguments(), receiver));
    }

    /**
     * A lock of the object the callee's class registered itself with ({@code this.cluster.lock}
     * where its constructor ran {@code cluster.addListener(this)}), called from that object's class:
     * the caller's own object ({@code this.lock}), since a listener is called back by the object
     * it registered with. Null when the instance is no such field or the caller is another class.
     */
    private String backReference(String instance) {
        if (instance == null || !instance.startsWith("this.") || callee.owner == null || callee.decl.isStatic()) return null;
        int dot = instance.indexOf('.', 5);
        String field = dot < 0 ? instance.substring(5) : instance.substring(5, dot);
        var f = callee.owner.field(field);
        if (f == null || f.type == null || f.isStatic) return null;
        var here = resolver.index().enclosingType(call);
        if (here == null || here == callee.owner || !resolver.index().selfAndSupers(here.simpleName).contains(f.type)
                || !resolver.registeredWith(callee.owner).contains(field)) {
            return null;
        }
        return dot < 0 ? "this" : "this" + instance.substring(dot);
    }

    private String fromRegistration(String instance) {
        if (instance == null || instance.startsWith("static:")) return instance;
        if (registeredWith == null) return null;
        if (instance.equals(registeredWith)) return "this";
        return instance.startsWith(registeredWith + ".") ? "this" + instance.substring(registeredWith.length()) : null;
    }

    /** The caller's id for a lock the callee releases, or null when dropped. */
    LockId id(LockId id) {
        if (!id.isParameter()) return id;
        Subst s = lock(new LockRef(id, id.kind() == ObjKind.EXCLUSIVE ? LockMode.EXCLUSIVE : LockMode.READ), null);
        return s == null ? null : s.ref().id();
    }

    /** Whether {@code id} is a parameter of the callee itself. */
    private boolean isOwnParameter(LockId id) {
        if (!id.owner().equals(callee.owner.qualifiedName) || id.param() >= callee.decl.getParameters().size()) return false;
        Parameter p = callee.decl.getParameter(id.param());
        int line = p.getBegin().map(x -> x.line).orElse(0);
        return id.name().equals(callee.name + "." + p.getNameAsString() + "@" + line);
    }

    /**
     * The callee's lock {@code ref} (a parameter, in the mode the callee used it) as the caller's
     * lock {@code v}: a {@code Lock} parameter becomes the view given (a read view: the read lock);
     * a read-write or stamped parameter becomes the lock object given, in the callee's mode.
     */
    private static LockRef replace(LockRef ref, LockVal v) {
        if (v == null) return null;
        ObjKind k = ref.id().kind();
        if (k == ObjKind.EXCLUSIVE) {
            if (v instanceof LockVal.View view) return view.ref();
            if (v instanceof LockVal.Obj o && o.kind() == ObjKind.EXCLUSIVE) return new LockRef(o.id(), LockMode.EXCLUSIVE);
            return null;
        }
        if (v instanceof LockVal.Obj o && o.kind() == k && !o.stampedRw()) return new LockRef(o.id(), ref.mode());
        return null;
    }

    private ObjectCreationExpr receiverCreation() {
        if (!creationLooked) {
            creationLooked = true;
            Expression scope = call.getScope().orElse(null);
            creation = scope == null ? null : resolver.creationOf(scope);
        }
        return creation;
    }

    /**
     * The object whose field the receiver is, where its constructor's arguments were evaluated:
     * {@code this} for {@code this.handle}, the caller itself for a local it created.
     */
    private static String holderOf(String receiver) {
        if (receiver == null) return null;
        if (receiver.startsWith("~")) return "this";
        int dot = receiver.lastIndexOf('.');
        return dot > 0 ? receiver.substring(0, dot) : null;
    }
}
