package dev.lockcheck.analysis;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed source file with its text (for line suppressions and statement fingerprints), its
 * outline (the type declarations, anonymous class bodies and lambdas in source order) and its
 * calls, creations and method references by name, all found in one walk on the parsing thread:
 * the project index (rebuilt as the prefilter adds files) and the checks' questions about the
 * calls of a name never walk a tree again.
 */
public record ParsedFile(SourceFile source, CompilationUnit unit, String text, List<Node> outline, Nodes nodes) {
    public ParsedFile(SourceFile source, CompilationUnit unit, String text) {
        this(source, unit, text, new Nodes());
    }

    private ParsedFile(SourceFile source, CompilationUnit unit, String text, Nodes nodes) {
        this(source, unit, text, outlineOf(unit, Analyzer.namesConcurrentMap(text), nodes), nodes);
    }

    /**
     * The file's method calls (all, and by method name), object creations by type name and the
     * names its method references ({@code x::name}) name, each list in pre-order (the order of
     * JavaParser's {@code findAll}).
     */
    public static final class Nodes {
        private final List<MethodCallExpr> calls = new ArrayList<>();
        private final Map<String, List<MethodCallExpr>> callsByName = new HashMap<>();
        private final Map<String, List<ObjectCreationExpr>> creationsByType = new HashMap<>();
        private final Set<String> referenced = new HashSet<>();
        private final List<Statement> loops = new ArrayList<>();
        /** {@link #LOCKS} and {@link #RESOURCES} of each node with a lock operation or a try-with-resources in its subtree. */
        private final Map<Node, Integer> syntax = new IdentityHashMap<>();

        static final int LOCKS = 1;
        static final int RESOURCES = 2;
        /** A call given a lambda, a method reference or an anonymous class (a callback the callee may run under a lock). */
        static final int CALLBACKS = 4;

        /** The {@code while}, {@code do} and {@code for} loops (not for-each) of the file, in pre-order. */
        public List<Statement> loops() {
            return loops;
        }

        /**
         * {@link #LOCKS} when {@code n}'s subtree (itself included) has a lock operation
         * ({@code Analyzer.isLockOperation}, with a bin-locking call in a file naming a concurrent
         * map type); else {@link #RESOURCES} when it has a
         * try-with-resources and {@link #CALLBACKS} when it has a call given a callback; else 0.
         */
        int syntax(Node n) {
            int bits = syntax.getOrDefault(n, 0);
            return (bits & LOCKS) != 0 ? LOCKS : bits;
        }

        /** Marks {@code n} and its ancestors with {@code bit}, up to the first one marked already. */
        private void mark(Node n, int bit) {
            for (Node p = n; p != null; p = Trees.parent(p)) {
                int had = syntax.getOrDefault(p, 0);
                if ((had & bit) != 0) return;
                syntax.put(p, had | bit);
            }
        }

        public List<MethodCallExpr> calls() {
            return calls;
        }

        public List<MethodCallExpr> callsNamed(String name) {
            return callsByName.getOrDefault(name, List.of());
        }

        public List<ObjectCreationExpr> creationsOf(String type) {
            return creationsByType.getOrDefault(type, List.of());
        }

        public boolean references(String name) {
            return referenced.contains(name);
        }
    }

    private static List<Node> outlineOf(CompilationUnit unit, boolean concurrentMaps, Nodes nodes) {
        List<Node> out = new ArrayList<>();
        Trees.walk(unit, n -> {
            // keep the position, drop the tokens: they are two thirds of a tree's memory, and
            // nothing here reads them once the tree is built
            com.github.javaparser.Range range = n.getRange().orElse(null);
            n.setTokenRange(null);
            if (range != null) n.setRange(range);
            if (n instanceof TypeDeclaration<?> || n instanceof LambdaExpr
                    || n instanceof ObjectCreationExpr oce && oce.getAnonymousClassBody().isPresent()) {
                out.add(n);
            }
            if (Analyzer.isLockOperation(n, concurrentMaps)) nodes.mark(n, Nodes.LOCKS);
            else if (n instanceof TryStmt ts && !ts.getResources().isEmpty()) nodes.mark(n, Nodes.RESOURCES);
            if (n instanceof MethodCallExpr mc && Analyzer.givesCallback(mc)) nodes.mark(n, Nodes.CALLBACKS);
            if (n instanceof WhileStmt || n instanceof DoStmt || n instanceof ForStmt) nodes.loops.add((Statement) n);
            if (n instanceof MethodCallExpr mc) {
                nodes.calls.add(mc);
                nodes.callsByName.computeIfAbsent(mc.getNameAsString(), k -> new ArrayList<>(2)).add(mc);
            } else if (n instanceof ObjectCreationExpr oce) {
                nodes.creationsByType.computeIfAbsent(oce.getType().getNameAsString(), k -> new ArrayList<>(2)).add(oce);
            } else if (n instanceof MethodReferenceExpr mr) {
                nodes.referenced.add(mr.getIdentifier());
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
