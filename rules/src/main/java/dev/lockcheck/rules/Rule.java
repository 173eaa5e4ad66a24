package dev.lockcheck.rules;

/**
 * One catalog entry. The entry is read from the front matter of the rule's user page
 * ({@code rules/docs/LC001.md}), so the id, name, severity and page can never drift apart.
 *
 * @param id        stable id, e.g. {@code LC001}
 * @param name      CamelCase name, e.g. {@code ReadLockAcrossHandoff}
 * @param severity  default severity (some rules lower it per finding, e.g. timed handoffs)
 * @param kind      static (scan) or runtime (agent)
 * @param summary   one line
 * @param page      the whole Markdown user page, front matter removed
 */
public record Rule(String id, String name, Severity severity, Kind kind, String summary, String page) {
    public enum Kind { STATIC, RUNTIME }

    /** Path of the page inside the repository, used for help links. */
    public String pagePath() {
        return "rules/docs/" + id + ".md";
    }
}
