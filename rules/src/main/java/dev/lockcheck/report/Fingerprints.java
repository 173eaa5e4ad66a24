package dev.lockcheck.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Finding fingerprints that survive unrelated edits: built from the rule, the file, the enclosing
 * method, the lock and the statement's text with whitespace and comments removed. Line numbers are
 * not part of it, so lines inserted above, a reformatted file or a reworded comment keep it; a
 * different rule, method, lock or statement changes it. SHA-256, first 16 hex characters.
 */
public final class Fingerprints {
    private Fingerprints() {
    }

    /**
     * @param ruleId          e.g. {@code LC001}
     * @param file            report path of the file (relative to the scanned root)
     * @param enclosingMethod e.g. {@code acme.Cache#stream(SynchronousQueue)}; empty outside methods
     * @param lock            qualified lock name, or empty
     * @param statementText   source text of the reported statement, as written
     */
    public static String of(String ruleId, String file, String enclosingMethod, String lock, String statementText) {
        String key = nz(ruleId) + '\u0000' + nz(file).replace('\\', '/') + '\u0000' + nz(enclosingMethod) + '\u0000'
                + nz(lock) + '\u0000' + normalise(nz(statementText));
        return sha256(key).substring(0, 16);
    }

    /**
     * The finding's own fingerprint, or when it has none (hand-written or older reports), one from
     * rule, file, lock and message: stable across lines moving, not across rewording.
     */
    public static String key(Finding f) {
        if (f.fingerprint() != null && !f.fingerprint().isBlank()) return f.fingerprint();
        String file = f.location() == null ? "" : f.location().file();
        return of(f.ruleId(), file, "", f.lock(), f.message());
    }

    /**
     * Java source text without comments and without whitespace outside string, text-block and
     * character literals: {@code out.put( i ); // hand off} and {@code out.put(i);} are the same.
     */
    public static String normalise(String src) {
        StringBuilder sb = new StringBuilder(src.length());
        int n = src.length();
        int i = 0;
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n' && src.charAt(i) != '\r') i++;
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '"' && src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                int stop = end < 0 ? n : end + 3;
                sb.append(src, i, stop);
                i = stop;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
                    if (src.charAt(j) == '\\') j++;
                    j++;
                }
                int stop = Math.min(n, j + 1);
                sb.append(src, i, stop);
                i = stop;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
