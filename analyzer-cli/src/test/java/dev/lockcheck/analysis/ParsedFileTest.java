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
}
