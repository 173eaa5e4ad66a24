package dev.lockcheck.cli;

import java.util.Map;

/** How output meets a person's terminal. */
final class Terminal {
    private Terminal() {
    }

    /**
     * ANSI colour only when the report goes to a terminal, and never when {@code NO_COLOR} is set
     * to anything non-empty (https://no-color.org). {@code TERM=dumb} has no colours either.
     */
    static boolean colorEnabled(boolean toTerminal, Map<String, String> env) {
        if (!toTerminal) return false;
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) return false;
        return !"dumb".equals(env.get("TERM"));
    }

    /** True when standard output is a terminal (Java 17: a console exists only when both ends are one). */
    static boolean stdoutIsTerminal() {
        return System.console() != null;
    }
}
