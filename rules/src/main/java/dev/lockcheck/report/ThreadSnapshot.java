package dev.lockcheck.report;

import java.util.List;

/** A thread's part in a runtime finding, with its stack at the moment that mattered. */
public record ThreadSnapshot(String name, long id, String state, List<String> stack) {
    public ThreadSnapshot {
        stack = stack == null ? List.of() : List.copyOf(stack);
    }
}
