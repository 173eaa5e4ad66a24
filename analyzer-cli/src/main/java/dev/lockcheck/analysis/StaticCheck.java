package dev.lockcheck.analysis;

import java.util.Set;

/**
 * One static rule. A check reads the facts of every body ({@link ProjectFacts#bodies()}) and
 * reports through the sink; it never walks method bodies itself for lock state (the flow and the
 * summaries did that once for all checks). Register new checks in {@code checks.Checks}.
 */
public interface StaticCheck {
    /** The catalog id this check reports, e.g. {@code LC001}. */
    String ruleId();

    void check(ProjectFacts project, FindingSink sink);

    /**
     * Words whose presence in a file's text makes the file a starting point for this check (the
     * prefilter parses such files, and what they can reach). The lock checks share {@link #LOCK_WORDS}.
     */
    default Set<String> textTriggers() {
        return LOCK_WORDS;
    }

    /** Every lock acquisition mentions one of these: a Lock type or method, or synchronized. */
    Set<String> LOCK_WORDS = Set.of("Lock", "synchronized");
}
