package dev.lockcheck.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ParsedFileTest {
    private static ParsedFile of(String text) {
        CompilationUnit cu = StaticJavaParser.parse(text);
        return new ParsedFile(new SourceFile(Path.of("A.java"), "A.java", "A.java"), cu, text);
    }

    @Test
    void linesSplitOnEveryLineEnding_asTheParserCountsThem() {
        ParsedFile f = of("class A {\r\n void m() {}\r}\n");
        assertArrayEquals(new String[] {"class A {", " void m() {}", "}", ""}, f.lines());
    }

    @Test
    void positionsSurviveDroppingTheTokens() {
        ParsedFile f = of("class A {\n  void m() {\n    foo(1,\n        2);\n  }\n}\n");
        MethodCallExpr call = f.unit().findFirst(MethodCallExpr.class).orElseThrow();
        assertTrue(call.getTokenRange().isEmpty(), "tokens are dropped");
        assertEquals(3, call.getBegin().orElseThrow().line);
        assertEquals(5, call.getBegin().orElseThrow().column);
        assertEquals(4, call.getEnd().orElseThrow().line);
        assertEquals(3, call.getName().getBegin().orElseThrow().line);
        assertEquals(1, f.outline().size(), "the outline holds the one class (no lambda, no anonymous class)");
    }

    /**
     * The walks that replaced JavaParser's (a plain stack instead of a synchronized one, the file's
     * calls, loops and lock syntax found once while the outline is made) see what JavaParser's
     * walks see, in the same order, on every sample of the repository.
     */
    @Test
    void theOutlineWalkFindsWhatJavaParsersWalksFind_onEverySample() throws Exception {
        java.util.List<Path> files;
        try (var s = java.nio.file.Files.walk(SamplesHarnessTest.samplesDir())) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(files.size() > 50, "the samples are there: " + files.size());
        int lockBodies = 0;
        for (Path p : files) {
            String text = java.nio.file.Files.readString(p);
            CompilationUnit cu = new com.github.javaparser.JavaParser(new com.github.javaparser.ParserConfiguration()
                    .setLanguageLevel(com.github.javaparser.ParserConfiguration.LanguageLevel.RAW)).parse(text).getResult().orElseThrow();
            ParsedFile f = new ParsedFile(new SourceFile(p, p.toString(), p.toString()), cu, text);
            java.util.List<com.github.javaparser.ast.Node> theirs = new java.util.ArrayList<>();
            f.unit().walk(theirs::add);
            java.util.List<com.github.javaparser.ast.Node> ours = new java.util.ArrayList<>();
            Trees.walk(f.unit(), ours::add);
            assertEquals(theirs.size(), ours.size(), p.toString());
            for (int i = 0; i < ours.size(); i++) {
                assertTrue(theirs.get(i) == ours.get(i), p + ": node " + i);
                assertTrue(Trees.parent(ours.get(i)) == ours.get(i).getParentNode().orElse(null), p + ": parent of node " + i);
            }
            assertEquals(f.unit().findAll(MethodCallExpr.class), f.nodes().calls(), p.toString());
            for (MethodCallExpr c : f.unit().findAll(MethodCallExpr.class)) {
                assertEquals(f.unit().findAll(MethodCallExpr.class, x -> x.getNameAsString().equals(c.getNameAsString())),
                        f.nodes().callsNamed(c.getNameAsString()), p.toString());
            }
            java.util.List<com.github.javaparser.ast.stmt.Statement> loops = new java.util.ArrayList<>();
            f.unit().walk(n -> {
                if (n instanceof com.github.javaparser.ast.stmt.WhileStmt || n instanceof com.github.javaparser.ast.stmt.DoStmt
                        || n instanceof com.github.javaparser.ast.stmt.ForStmt) loops.add((com.github.javaparser.ast.stmt.Statement) n);
            });
            assertEquals(loops, f.nodes().loops(), p.toString());
            // the lock syntax of every node: as a search of its subtree (the former per-body walk) finds it
            for (com.github.javaparser.ast.Node n : ours) {
                boolean maps = Analyzer.namesConcurrentMap(text);
                boolean locks = n.findFirst(com.github.javaparser.ast.Node.class, x -> Analyzer.isLockOperation(x, maps)).isPresent();
                boolean resources = n.findFirst(com.github.javaparser.ast.stmt.TryStmt.class, t -> !t.getResources().isEmpty()).isPresent();
                boolean callbacks = n.findFirst(MethodCallExpr.class, Analyzer::givesCallback).isPresent();
                int expected = locks ? ParsedFile.Nodes.LOCKS
                        : (resources ? ParsedFile.Nodes.RESOURCES : 0) | (callbacks ? ParsedFile.Nodes.CALLBACKS : 0);
                assertEquals(expected, f.nodes().syntax(n), p + ": " + n.getClass().getSimpleName() + " at " + n.getBegin().orElse(null));
                if (locks && n instanceof com.github.javaparser.ast.stmt.BlockStmt) lockBodies++;
            }
        }
        assertTrue(lockBodies > 100, "blocks with a lock operation seen: " + lockBodies);
    }
}
