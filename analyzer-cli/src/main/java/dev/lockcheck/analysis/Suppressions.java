package dev.lockcheck.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code @SuppressWarnings("lockcheck:LC001")} (or {@code "lockcheck"} for every rule) on any
 * enclosing method, class, field or variable, and {@code // lockcheck:ignore LC001} (no id: every
 * rule) on the reported line.
 */
final class Suppressions {
    private static final Pattern IGNORE = Pattern.compile("lockcheck:ignore((?:[\\s,]+LC\\d{3})*)", Pattern.CASE_INSENSITIVE);

    private Suppressions() {
    }

    /** How the finding is suppressed, or null. */
    static String find(String ruleId, Node primary, String[] lines, int line) {
        for (Node n = primary; n != null; n = Trees.parent(n)) {
            if (n instanceof NodeWithAnnotations<?> na) {
                for (AnnotationExpr a : na.getAnnotations()) {
                    String an = a.getNameAsString();
                    if (!an.equals("SuppressWarnings") && !an.equals("java.lang.SuppressWarnings")) continue;
                    for (String v : values(a)) {
                        String s = v.trim();
                        if (s.equalsIgnoreCase("lockcheck") || s.equalsIgnoreCase("lockcheck:" + ruleId)) {
                            return "@SuppressWarnings(\"" + s + "\")";
                        }
                    }
                }
            }
        }
        if (line >= 1 && line <= lines.length) {
            Matcher m = IGNORE.matcher(lines[line - 1]);
            while (m.find()) {
                String ids = m.group(1).trim();
                if (ids.isEmpty()) return "// lockcheck:ignore";
                for (String id : ids.split("[\\s,]+")) {
                    if (id.toUpperCase(Locale.ROOT).equals(ruleId)) return "// lockcheck:ignore " + ruleId;
                }
            }
        }
        return null;
    }

    private static List<String> values(AnnotationExpr a) {
        List<String> out = new ArrayList<>();
        if (a instanceof SingleMemberAnnotationExpr s) {
            collect(s.getMemberValue(), out);
        } else if (a instanceof NormalAnnotationExpr n) {
            for (MemberValuePair p : n.getPairs()) if (p.getNameAsString().equals("value")) collect(p.getValue(), out);
        }
        return out;
    }

    private static void collect(Expression e, List<String> out) {
        if (e instanceof StringLiteralExpr s) out.add(s.getValue());
        else if (e instanceof ArrayInitializerExpr arr) for (Expression x : arr.getValues()) collect(x, out);
    }
}
