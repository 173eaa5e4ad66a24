package dev.lockcheck.analysis;

import com.github.javaparser.ast.CompilationUnit;

/** A parsed source file with its text (for line suppressions and statement fingerprints). */
public record ParsedFile(SourceFile source, CompilationUnit unit, String text) {
    public String[] lines() {
        return text.split("\r\n|\r|\n", -1);
    }
}
