package dev.lockcheck.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * Agent options (interfaces.md): {@code report=PATH,onDeadlock=report|exit,interval=MS,include=P1;P2}.
 * Additions: {@code storm=N} (LC206 threshold, failures per second). {@code %p} in the report path is
 * replaced by the process id, so every JVM of a {@code lockcheck run} writes its own file.
 */
public record Options(String report, boolean exitOnDeadlock, long intervalMs, List<String> include, int storm) {
    public static final int EXIT_STATUS = 86;

    public static Options parse(String args) {
        String report = "lockcheck-runtime.json";
        boolean exit = false;
        long interval = 1000;
        List<String> include = new ArrayList<>();
        int storm = 1000;
        if (args != null && !args.isBlank()) {
            for (String part : args.split(",")) {
                if (part.isBlank()) continue;
                int eq = part.indexOf('=');
                String k = (eq < 0 ? part : part.substring(0, eq)).trim();
                String v = eq < 0 ? "" : part.substring(eq + 1).trim();
                switch (k) {
                    case "report" -> {
                        if (v.isEmpty()) throw bad("report= needs a file path (e.g. report=target/lockcheck/runtime.json)");
                        if (v.endsWith("/") || v.endsWith(java.io.File.separator)) {
                            throw bad("report= must name a file, not a directory: '" + v + "'");
                        }
                        report = v;
                    }
                    case "onDeadlock" -> {
                        if (!v.equals("exit") && !v.equals("report")) throw bad("onDeadlock must be report or exit, not '" + v + "'");
                        exit = v.equals("exit");
                    }
                    case "interval" -> interval = number(k, v);
                    case "storm" -> storm = (int) number(k, v);
                    case "include" -> {
                        for (String p : v.split(";")) if (!p.isBlank()) include.add(p.trim());
                    }
                    default -> throw bad("unknown option '" + k + "' (known: report, onDeadlock, interval, include, storm)");
                }
            }
        }
        // ProcessHandle only when asked for: its first use starts the JDK's process-reaper machinery (~20 ms)
        if (report.contains("%p")) report = report.replace("%p", Long.toString(ProcessHandle.current().pid()));
        return new Options(report, exit, interval, List.copyOf(include), storm);
    }

    private static long number(String k, String v) {
        try {
            long n = Long.parseLong(v);
            if (n <= 0) throw bad(k + " must be positive, not " + v);
            return n;
        } catch (NumberFormatException e) {
            throw bad(k + " must be a number, not '" + v + "'");
        }
    }

    private static IllegalArgumentException bad(String m) {
        return new IllegalArgumentException(m);
    }

    /** Whether a lock allocated in this class is reported (include=...; unknown allocation: only without include). */
    public boolean includes(String className) {
        if (include.isEmpty()) return true;
        if (className == null) return false;
        for (String p : include) if (className.startsWith(p)) return true;
        return false;
    }
}
