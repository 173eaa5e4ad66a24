package dev.lockcheck.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import org.junit.jupiter.api.Test;

/** Where the prefilter follows every callee: mapping functions and loaders, not every lambda. */
class MappingFunctionsTest {
    private static final CompilationUnit CU = StaticJavaParser.parse("""
            import java.util.*; import java.util.concurrent.*;
            class C {
              final ConcurrentHashMap<String, List<String>> m = new ConcurrentHashMap<>();
              Object loader = new CacheLoader<String, String>() { public String load(String k) { return k; } };
              Runnable task = new Runnable() { public void run() { } };
              void f(List<String> names) {
                m.computeIfAbsent("a", k -> { names.forEach(n -> inner(n)); return new ArrayList<>(); });
                names.forEach(n -> outer(n));
                m.merge("b", List.of(), (x, y) -> x);
              }
              void inner(String s) { }
              void outer(String s) { }
            }
            """);

    private static LambdaExpr lambdaCalling(String method) {
        return CU.findFirst(LambdaExpr.class, l -> l.getBody().findFirst(MethodCallExpr.class,
                c -> c.getNameAsString().equals(method)).isPresent() && !l.getBody().findFirst(LambdaExpr.class).isPresent())
                .orElseThrow();
    }

    private static Node anonymous(String type) {
        return CU.findFirst(ObjectCreationExpr.class, o -> o.getType().getNameAsString().equals(type)).orElseThrow();
    }

    @Test
    void computeFamilyLambdas_andLambdasNestedInThem_areMappingFunctions() {
        assertTrue(MappingFunctions.within(CU.findFirst(LambdaExpr.class,
                l -> l.getParentNode().get() instanceof MethodCallExpr c && c.getNameAsString().equals("merge")).orElseThrow()));
        assertTrue(MappingFunctions.within(lambdaCalling("inner")), "a forEach inside computeIfAbsent's function runs inside it");
    }

    @Test
    void anonymousLoaders_are_otherAnonymousClassesAndLambdas_areNot() {
        assertTrue(MappingFunctions.within(anonymous("CacheLoader")));
        assertFalse(MappingFunctions.within(anonymous("Runnable")));
        assertFalse(MappingFunctions.within(lambdaCalling("outer")), "a plain forEach is no mapping function");
    }
}
