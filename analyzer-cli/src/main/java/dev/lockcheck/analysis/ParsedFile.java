package dev.lockcheck.analysis;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed source file with its text (for line suppressions and statement fingerprints) and its
 * outline: the type declarations, anonymous class bodies and lambdas in source order, found in
 * one walk on the parsing thread, so that the project index (rebuilt as the prefilter adds files)
 * never walks a tree again.
 */
public record ParsedFile(SourceFile source, CompilationUnit unit, String text, List<Node> outline) {
    public ParsedFile(SourceFile source, CompilationUnit unit, String text) {
        this(source, unit, text, outlineOf(unit));
    }

    private static List<Node> outlineOf(CompilationUnit unit) {
        List<Node> out = new ArrayList<>();
        unit.walk(Node.TreeTraversal.PREORDER, n -> {
            // keep the position, drop the tokens: they are two thirds of a tree's memory, and
            // nothing here reads them once the tree is built
            com.github.javaparser.Range range = n.getRange().orElse(null);
            n.setTokenRange(null);
            if (range != null) n.setRange(range);
            if (n instanceof TypeDeclaration<?> || n instanceof LambdaExpr
                    || n instanceof ObjectCreationExpr oce && oce.getAnonymousClassBody().isPresent()) {
                out.add(n);
            }
        });
        return List.copyOf(out);
    }

    /** Identity: JavaParser nodes hash and compare structurally, a whole compilation unit at a time. */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** The lines of the text (ended by \n, \r\n or \r), as the parser numbers them. */
    public String[] lines() {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out.toArray(new String[0]);
    }
}
