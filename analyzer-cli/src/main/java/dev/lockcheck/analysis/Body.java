package dev.lockcheck.analysis;

import com.github.javaparser.ast.Node;
import dev.lockcheck.analysis.ProjectIndex.MethodInfo;
import dev.lockcheck.analysis.ProjectIndex.TypeInfo;

/**
 * A unit of flow analysis: a method, constructor or initialiser body, or a lambda body. Lambdas,
 * anonymous and local classes are bodies of their own: they run later, maybe on another thread,
 * and start holding nothing.
 *
 * @param owner  the declaration (MethodDeclaration, ConstructorDeclaration, InitializerDeclaration, LambdaExpr)
 * @param code   the BlockStmt, or the expression of an expression lambda
 * @param method the MethodInfo for methods and constructors, null otherwise
 * @param name   e.g. {@code Cache.get} or {@code Cache.get$lambda@42}: for fingerprints and messages
 */
public record Body(Node owner, Node code, ParsedFile file, TypeInfo type, MethodInfo method, String name) {
    /** Identity: the nodes inside hash and compare structurally. */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
