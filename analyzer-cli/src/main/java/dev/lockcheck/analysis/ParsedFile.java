package dev.lockcheck.analysis;

import com.github.javaparser.ast.CompilationUnit;

/** A parsed source file with its text (for line suppressions and statement fingerprints). */
public record ParsedFile(SourceFile source, CompilationUnit unit, String text) {
    /** Identity: JavaParser nodes hash and compare structurally, a whole compilation unit at a time. */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    public String[] lines() {
        return text.split("\r\n|\r|\n", -1);
    }
}
