package dev.lockcheck.analysis;

import dev.lockcheck.analysis.ProjectIndex.MethodInfo;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each method analysed once, on first need, into a {@link BodyResult} whose summary callers
 * compose. A call back into a method still being analysed (recursion) sees an empty summary, and
 * nesting is bounded, so every walk terminates. Safe for concurrent use: two threads may analyse
 * the same method at once; the first result stored wins (they are equal).
 */
final class Summaries {
    private static final int MAX_NESTING = 32;

    private final Resolver resolver;
    private final Set<String> unparsedTypes;
    private final Set<String> needed = ConcurrentHashMap.newKeySet();
    private final Set<String> called = ConcurrentHashMap.newKeySet();
    private final Set<ParsedFile> followAll;
    private final Map<MethodInfo, BodyResult> memo = new ConcurrentHashMap<>();
    private final ThreadLocal<Set<MethodInfo>> inProgress =
            ThreadLocal.withInitial(() -> Collections.newSetFromMap(new IdentityHashMap<>()));
    /** Methods whose own analysis reached a call back into themselves (recursion cut). */
    private final ThreadLocal<Set<MethodInfo>> cut =
            ThreadLocal.withInitial(() -> Collections.newSetFromMap(new IdentityHashMap<>()));

    Summaries(Resolver resolver) {
        this(resolver, Set.of());
    }

    /** @param unparsedTypes types declared in source files not parsed (yet): calls on them are the frontier */
    Summaries(Resolver resolver, Set<String> unparsedTypes) {
        this(resolver, unparsedTypes, Set.of());
    }

    /** @param followAll files whose every callee the prefilter follows (seeds of the non-lock checks) */
    Summaries(Resolver resolver, Set<String> unparsedTypes, Set<ParsedFile> followAll) {
        this.resolver = resolver;
        this.unparsedTypes = unparsedTypes;
        this.followAll = followAll;
    }

    boolean followsAllCalls(ParsedFile f) {
        return followAll.contains(f);
    }

    /** Records unparsed types called from a file whose every callee is followed. */
    void called(Set<String> types) {
        called.addAll(types);
    }

    Set<String> called() {
        return called;
    }

    /** Whether {@code type} is declared in a source file that was not parsed. */
    boolean unparsed(String type) {
        return type != null && unparsedTypes.contains(type);
    }

    /** Records unparsed types whose methods run while a lock is held: the prefilter parses them next. */
    void need(Set<String> types) {
        needed.addAll(types);
    }

    Set<String> needed() {
        return needed;
    }

    Summary of(MethodInfo m) {
        BodyResult r = result(m);
        return r == null ? Summary.EMPTY : r.summary();
    }

    /** The method's facts, analysing it now if needed; null for abstract methods and cut recursion. */
    BodyResult result(MethodInfo m) {
        if (m.body == null) return null;
        BodyResult r = memo.get(m);
        if (r != null) return r;
        Set<MethodInfo> running = inProgress.get();
        if (running.contains(m)) {
            cut.get().add(m);
            return null;
        }
        if (running.size() >= MAX_NESTING) return null;
        running.add(m);
        try {
            r = new BodyAnalyzer(resolver, this, bodyOf(m)).run();
        } finally {
            running.remove(m);
        }
        if (cut.get().remove(m)) {
            // recursive: analyse once more with the first pass as the summary the recursive call
            // sees (one step towards the fixpoint; enough for direct recursion)
            memo.put(m, r);
            r = new BodyAnalyzer(resolver, this, bodyOf(m)).run();
            memo.put(m, r);
            return r;
        }
        BodyResult prev = memo.putIfAbsent(m, r);
        return prev != null ? prev : r;
    }

    static Body bodyOf(MethodInfo m) {
        return new Body(m.decl, m.body, m.owner.file, m.owner, m, m.owner.simpleName + "." + m.name);
    }
}
