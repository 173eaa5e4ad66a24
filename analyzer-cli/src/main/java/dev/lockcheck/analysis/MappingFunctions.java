package dev.lockcheck.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.lockcheck.analysis.knowledge.DistributedLockApis;
import dev.lockcheck.analysis.knowledge.DistributedLockApis.Meaning;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Where the prefilter follows every call whatever is held: inside a mapping function or cache
 * loader (LC103 looks for re-entry there, through calls into other files), that is a lambda or an
 * anonymous class given to a compute-family call ({@code computeIfAbsent}, {@code merge},
 * {@code cache.get(key, fn)}, {@code build(loader)}, {@code CacheLoader.from(fn)}), or an anonymous
 * {@code ...Loader} class, or code nested in one. Every other lambda of such a file (a
 * {@code forEach}, a task, a listener) leads nowhere the rule looks.
 */
final class MappingFunctions {
    private static final Set<String> CALLS = names();

    private MappingFunctions() {
    }

    private static Set<String> names() {
        Set<String> out = new HashSet<>(DistributedLockApis.methodNames(
                EnumSet.of(Meaning.MAP_COMPUTE, Meaning.CACHE_COMPUTE, Meaning.CACHE_BUILD_LOADING)));
        out.add("from");
        return Set.copyOf(out);
    }

    /** Whether {@code n} is, or is nested in, a mapping function or a cache loader. */
    static boolean within(Node n) {
        for (Node cur = n; cur != null; cur = Trees.parent(cur)) {
            if (cur instanceof LambdaExpr || cur instanceof MethodReferenceExpr) {
                if (isArgumentOfMappingCall(cur)) return true;
            } else if (cur instanceof ObjectCreationExpr oce && oce.getAnonymousClassBody().isPresent()) {
                if (oce.getType().getNameAsString().endsWith("Loader") || isArgumentOfMappingCall(cur)) return true;
            }
        }
        return false;
    }

    private static boolean isArgumentOfMappingCall(Node fn) {
        return Trees.parent(fn) instanceof MethodCallExpr mc
                && CALLS.contains(mc.getNameAsString())
                && mc.getArguments().stream().anyMatch(a -> a == fn);
    }
}
