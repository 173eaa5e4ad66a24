package dev.lockcheck.analysis;

/**
 * One static rule. A check reads the facts of every body ({@link ProjectFacts#bodies()}) and
 * reports through the sink; it never walks method bodies itself for lock state (the flow and the
 * summaries did that once for all checks). Register new checks in {@code checks.Checks}.
 */
public interface StaticCheck {
    /** The catalog id this check reports, e.g. {@code LC001}. */
    String ruleId();

    void check(ProjectFacts project, FindingSink sink);
}
