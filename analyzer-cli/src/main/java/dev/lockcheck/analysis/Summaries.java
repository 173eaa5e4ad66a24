package dev.lockcheck.analysis;

import dev.lockcheck.analysis.ProjectIndex.MethodInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.StampedLock;

/**
 * Each method analysed once, on first need, into a {@link BodyResult} whose summary callers
 * compose. Safe for concurrent use, and deterministic: a method's result is a function of the
 * sources alone, whatever thread asks first and from which call stack.
 *
 * <p>A depth-first walk of the calls with Tarjan's low links finds recursion. A result computed
 * while some callee's analysis cut back into a method lower on this thread's stack (a call back
 * into a method still being analysed sees an empty summary) depends on where the walk started:
 * it is kept on this thread for the rest of that walk only, never published. When the first
 * method of a cycle (the root of its strongly connected component) finishes, the component is
 * analysed again in a fixed way ({@link #inOrder}) and all its methods are published together.
 * Every caller gets the published result: two threads may analyse the same component, they
 * compute the same thing, and the first to publish wins.
 *
 * <p>The types the prefilter needs ({@link #need}) are recorded with the result they come from
 * and count only when that result is published, so a walk's context never shows in the files
 * the prefilter parses.
 */
final class Summaries {
    /**
     * Analyses nested on one thread before a fresh thread (with its own large stack) continues.
     * The walk never stops early: a bound that cut deep call chains short would make a result
     * depend on how deep its first caller was.
     */
    static final int MAX_NESTING = 48;
    private static final long FRESH_STACK_BYTES = 512L * 1024 * 1024;

    private final Resolver resolver;
    private final Set<String> unparsedTypes;
    private final Set<String> needed = ConcurrentHashMap.newKeySet();
    private final Set<String> called = ConcurrentHashMap.newKeySet();
    private final Set<ParsedFile> followAll;
    /** Published results: every method a published result depends on is published too. */
    private final Map<MethodInfo, BodyResult> memo = new ConcurrentHashMap<>();
    /** A component is published at once: a reader never sees part of one. */
    private final StampedLock publishing = new StampedLock();
    private final ThreadLocal<Walk> walks = ThreadLocal.withInitial(Walk::new);

    /** What the prefilter learns from one analysis: recorded when its result is published. */
    private static final class Needs {
        final Set<String> underLock = new LinkedHashSet<>();
        final Set<String> called = new LinkedHashSet<>();
    }

    /** A method being analysed by this thread's walk. */
    private static final class Frame {
        final MethodInfo method;
        /** The order this walk started the method in (Tarjan's index). */
        final int index;
        /** The index of the earliest started method this analysis depends on (Tarjan's low link). */
        int low;
        /** A call reached back into this very method. */
        boolean recursive;
        /** The size of {@link Walk#open} when this frame was pushed. */
        final int openAt;
        final Needs needs = new Needs();

        Frame(MethodInfo method, int index, int openAt) {
            this.method = method;
            this.index = index;
            this.low = index;
            this.openAt = openAt;
        }
    }

    /** A result that depends on a method started before it: valid only for the rest of this walk. */
    private record Local(BodyResult result, int low) {
    }

    /**
     * A recursive component being analysed in its fixed way: see {@link #inOrder}. {@code latest}
     * holds each member's last result; {@code finished} the order the first pass finished them in.
     */
    private static final class Component {
        final Set<MethodInfo> members = Collections.newSetFromMap(new IdentityHashMap<>());
        final Map<MethodInfo, BodyResult> latest = new IdentityHashMap<>();
        final List<MethodInfo> finished = new ArrayList<>();
        final Set<MethodInfo> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean secondPass;
    }

    /** One thread's walk. */
    private static final class Walk {
        final List<Frame> stack = new ArrayList<>();
        final Map<MethodInfo, Frame> onStack = new IdentityHashMap<>();
        /** Tarjan's stack: methods started whose component is not finished yet. */
        final List<MethodInfo> open = new ArrayList<>();
        final Map<MethodInfo, Local> local = new IdentityHashMap<>();
        int started;
        /** Analyses nested on this thread now (walk frames and component members). */
        int depth;
        /** The component being analysed in its fixed way, or null. */
        Component component;
        /** Where the analysis running now records its needs (null: recorded at once). */
        Needs needs;
    }

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
        if (types.isEmpty()) return;
        Needs n = currentNeeds();
        (n == null ? called : n.called).addAll(types);
    }

    /** The methods whose callers a walk wants parsed ({@link ProjectFacts#askCallersOf}): the takers of lambdas run under a lock. */
    private final Set<MethodInfo> callersWanted = ConcurrentHashMap.newKeySet();

    void askCallersOf(MethodInfo m) {
        callersWanted.add(m);
    }

    Set<MethodInfo> callersWanted() {
        return callersWanted;
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
        if (types.isEmpty()) return;
        Needs n = currentNeeds();
        (n == null ? needed : n.underLock).addAll(types);
    }

    Set<String> needed() {
        return needed;
    }

    /**
     * Where the needs of the analysis running on this thread go: those of the method analysed,
     * kept until its result is published; null (recorded at once) for a body that is no method
     * (a lambda, an initialiser), whose callees' results are all published.
     */
    private Needs currentNeeds() {
        return walks.get().needs;
    }

    Summary of(MethodInfo m) {
        BodyResult r = result(m);
        return r == null ? Summary.EMPTY : r.summary();
    }

    /** A method's summary for callers passing a constant to one of its boolean parameters. */
    private record Variant(MethodInfo method, int param, boolean value) {
    }

    private final Map<Variant, Summary> variants = new ConcurrentHashMap<>();

    /**
     * The summary of {@code m} when its boolean parameter {@code param} is {@code value}
     * ({@code doLock(true)}: the branch that takes the write lock), computed once per method,
     * parameter and value. Only for a published method: its callees are all published then, so
     * the variant is a function of the sources alone. Otherwise (a call back into a method being
     * analysed) the plain summary.
     */
    Summary variant(MethodInfo m, int param, boolean value) {
        BodyResult base = result(m);
        if (base == null) return Summary.EMPTY;
        if (published(m) == null) return base.summary();
        Variant key = new Variant(m, param, value);
        Summary s = variants.get(key);
        if (s != null) return s;
        // a variant whose body calls itself with the same constant sees the plain summary there
        // (and is not remembered: it would depend on which variant was asked first)
        Set<Variant> open = openVariants.get();
        if (!open.add(key)) {
            cutVariants.get()[0]++;
            return base.summary();
        }
        int cutsBefore = cutVariants.get()[0];
        try {
            String name = m.decl.getParameter(param).getNameAsString();
            s = new BodyAnalyzer(resolver, this, bodyOf(m), Map.of(name, value)).run().summary();
        } finally {
            open.remove(key);
        }
        if (cutVariants.get()[0] != cutsBefore) return s;
        Summary prev = variants.putIfAbsent(key, s);
        return prev != null ? prev : s;
    }

    private record ParameterTest(MethodInfo method, int param) {
    }

    private final Map<ParameterTest, Boolean> parameterTests = new ConcurrentHashMap<>();

    /** {@code test} of a method's parameter, remembered: a fact of the method's syntax alone. */
    boolean memoParameterTest(MethodInfo m, int param, java.util.function.BiPredicate<MethodInfo, Integer> test) {
        ParameterTest key = new ParameterTest(m, param);
        Boolean v = parameterTests.get(key);
        if (v == null) {
            v = test.test(m, param);
            parameterTests.putIfAbsent(key, v);
        }
        return v;
    }

    private final ThreadLocal<Set<Variant>> openVariants = ThreadLocal.withInitial(java.util.HashSet::new);
    private final ThreadLocal<int[]> cutVariants = ThreadLocal.withInitial(() -> new int[1]);

    /** The method's facts, analysing it now if needed; null for abstract methods and a call back into a method being analysed. */
    BodyResult result(MethodInfo m) {
        if (m.body == null) return null;
        Walk w = walks.get();
        Component c = w.component;
        if (c != null && c.members.contains(m)) return member(w, c, m);
        BodyResult r = published(m);
        if (r != null) return r;
        Frame top = w.stack.isEmpty() ? null : w.stack.get(w.stack.size() - 1);
        Frame running = w.onStack.get(m);
        if (running != null) {
            running.recursive = true;
            top.low = Math.min(top.low, running.index);
            return null;
        }
        Local l = w.local.get(m);
        if (l != null) {
            if (top != null) top.low = Math.min(top.low, l.low());
            return l.result();
        }
        if (w.depth >= MAX_NESTING) return onFreshThread(m, null);
        return walk(w, m, top);
    }

    private BodyResult walk(Walk w, MethodInfo m, Frame parent) {
        Frame f = new Frame(m, w.started++, w.open.size());
        w.stack.add(f);
        w.onStack.put(m, f);
        w.open.add(m);
        w.depth++;
        Needs outerNeeds = w.needs;
        w.needs = f.needs;
        BodyResult r;
        try {
            r = new BodyAnalyzer(resolver, this, bodyOf(m)).run();
        } catch (RuntimeException | Error e) {
            // forget this walk's unfinished work from the failed frame up
            for (int i = w.open.size() - 1; i >= f.openAt; i--) w.local.remove(w.open.remove(i));
            throw e;
        } finally {
            w.needs = outerNeeds;
            w.depth--;
            w.stack.remove(w.stack.size() - 1);
            w.onStack.remove(m);
        }
        if (parent != null) parent.low = Math.min(parent.low, f.low);
        if (f.low < f.index) {
            w.local.put(m, new Local(r, f.low));
            return r;
        }
        // the root of a component: it and every method started after it not yet finished
        List<MethodInfo> members = new ArrayList<>(w.open.subList(f.openAt, w.open.size()));
        w.open.subList(f.openAt, w.open.size()).clear();
        for (MethodInfo x : members) w.local.remove(x);
        if (members.size() == 1 && !f.recursive) {
            publish(Map.of(m, r), Map.of(m, f.needs));
            return published(m);
        }
        return inOrder(w, members, m);
    }

    /**
     * Analyses a recursive component the same way whichever member was entered first. Members
     * sorted by file and position; a first pass walks them depth-first in that order (a call back
     * into a member in progress sees an empty summary); then passes over the members in the order
     * the first pass finished them (callees before callers), each reading the others' latest
     * results, until a pass changes no summary or {@link #MAX_PASSES} passes ran. Publishes the
     * last results.
     */
    private BodyResult inOrder(Walk w, List<MethodInfo> members, MethodInfo asked) {
        members.sort(STABLE);
        Component c = new Component();
        c.members.addAll(members);
        Component outer = w.component;
        w.component = c;
        Map<MethodInfo, Needs> needs = new IdentityHashMap<>();
        try {
            for (MethodInfo x : members) if (!c.latest.containsKey(x)) member(w, c, x);
            c.secondPass = true;
            boolean changed = true;
            for (int pass = 0; pass < MAX_PASSES && changed; pass++) {
                changed = false;
                for (MethodInfo x : c.finished) {
                    Needs n = new Needs();
                    Needs outerNeeds = w.needs;
                    w.needs = n;
                    w.depth++;
                    BodyResult r;
                    try {
                        r = new BodyAnalyzer(resolver, this, bodyOf(x)).run();
                    } finally {
                        w.depth--;
                        w.needs = outerNeeds;
                    }
                    BodyResult before = c.latest.get(x);
                    r = grown(before, r);
                    if (!shape(r.summary()).equals(shape(before.summary()))) changed = true;
                    c.latest.put(x, r);
                    needs.put(x, n);
                }
            }
        } finally {
            w.component = outer;
        }
        publish(c.latest, needs);
        return published(asked);
    }

    /** Passes over a recursive component after the first (a call chain around the cycle gains one step per pass). */
    static final int MAX_PASSES = 4;

    /**
     * A member's result of a later pass keeps the events its earlier passes found (up to the
     * summary's bound, first found first; a shorter path to a known event replaces the longer):
     * the passes only add or shorten, so they settle, and what a member
     * can do does not come and go with the order in which its callees' events filled their bounds.
     */
    private static BodyResult grown(BodyResult before, BodyResult now) {
        Map<Object, Obs> events = new java.util.LinkedHashMap<>();
        for (Obs o : before.summary().events()) events.putIfAbsent(key(o), o);
        for (Obs o : now.summary().events()) {
            Object key = key(o);
            if (events.size() >= BodyAnalyzer.MAX_EVENTS && !events.containsKey(key)) continue;
            BodyAnalyzer.keepShortest(events, key, o);
        }
        Set<LockId> releases = new LinkedHashSet<>(before.summary().releases());
        releases.addAll(now.summary().releases());
        Set<String> frontier = new LinkedHashSet<>(before.summary().frontier());
        frontier.addAll(now.summary().frontier());
        Summary s = new Summary(List.copyOf(events.values()), now.summary().exitHeld(), Set.copyOf(releases), Set.copyOf(frontier));
        return new BodyResult(now.body(), now.obs(), now.releasedAnywhere(), s);
    }

    private static Object key(Obs o) {
        if (o instanceof Obs.Acquire a) {
            return java.util.Arrays.asList("A", a.ref(), a.instance(), a.op(), a.inLoop(), a.releasedBefore(), a.unlessHeld());
        }
        if (o instanceof Obs.Block b) {
            return java.util.Arrays.asList("B", b.handoff(), b.receiverType(), b.conditionOf(), b.releasedBefore());
        }
        return "O|" + o;
    }

    /**
     * What a caller can learn from a summary, without the trace of how: a pass that only finds
     * another path to the same event has changed nothing.
     */
    private static Set<String> shape(Summary s) {
        Set<String> out = new java.util.HashSet<>();
        for (Obs o : s.events()) {
            if (o instanceof Obs.Acquire a) {
                out.add("A|" + a.ref() + "|" + a.op() + "|" + a.inLoop() + "|" + a.releasedBefore() + "|" + a.unlessHeld());
            } else if (o instanceof Obs.Block b) {
                out.add("B|" + b.handoff() + "|" + b.receiverType() + "|" + b.conditionOf() + "|" + b.releasedBefore());
            }
        }
        for (Held h : s.exitHeld()) out.add("H|" + h.ref());
        for (LockId id : s.releases()) out.add("R|" + id);
        for (String t : s.frontier()) out.add("F|" + t);
        return out;
    }

    /** A member of the component being analysed, called from within it. */
    private BodyResult member(Walk w, Component c, MethodInfo m) {
        BodyResult r = c.latest.get(m);
        if (r != null || c.secondPass || c.inProgress.contains(m)) return r;
        if (w.depth >= MAX_NESTING) return onFreshThread(m, c);
        c.inProgress.add(m);
        w.depth++;
        Needs outer = w.needs;
        w.needs = new Needs(); // the first pass's needs are dropped: only published results count
        try {
            r = new BodyAnalyzer(resolver, this, bodyOf(m)).run();
        } finally {
            w.needs = outer;
            w.depth--;
            c.inProgress.remove(m);
        }
        c.latest.put(m, r);
        c.finished.add(m);
        return r;
    }

    /** Files and positions: the order a component's members are analysed in. */
    private static final Comparator<MethodInfo> STABLE = Comparator
            .comparing((MethodInfo m) -> m.owner.file.source().relPath())
            .thenComparing(m -> m.owner.file.source().display())
            .thenComparingInt(m -> m.decl.getBegin().map(p -> p.line).orElse(0))
            .thenComparingInt(m -> m.decl.getBegin().map(p -> p.column).orElse(0))
            .thenComparing(m -> m.name);

    private BodyResult published(MethodInfo m) {
        long stamp = publishing.tryOptimisticRead();
        BodyResult r = memo.get(m);
        if (publishing.validate(stamp)) return r;
        stamp = publishing.readLock();
        try {
            return memo.get(m);
        } finally {
            publishing.unlockRead(stamp);
        }
    }

    private void publish(Map<MethodInfo, BodyResult> results, Map<MethodInfo, Needs> needs) {
        List<Needs> won = new ArrayList<>();
        long stamp = publishing.writeLock();
        try {
            for (Map.Entry<MethodInfo, BodyResult> e : results.entrySet()) {
                if (memo.putIfAbsent(e.getKey(), e.getValue()) == null) won.add(needs.get(e.getKey()));
            }
        } finally {
            publishing.unlockWrite(stamp);
        }
        // only the needs of the results published count: another thread's equal result recorded its own
        for (Needs n : won) {
            needed.addAll(n.underLock);
            called.addAll(n.called);
        }
    }

    /**
     * Continues a deep walk on a fresh thread and waits for it. Outside a component, the fresh
     * thread starts an empty walk: what it returns is published. Inside one, it carries on the
     * component's first pass (this thread waits, so the two never touch it at once).
     */
    private BodyResult onFreshThread(MethodInfo m, Component c) {
        BodyResult[] out = new BodyResult[1];
        Throwable[] failed = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                Walk w = walks.get();
                w.component = c;
                out[0] = c == null ? result(m) : member(w, c, m);
            } catch (Throwable e) {
                failed[0] = e;
            }
        }, Thread.currentThread().getName() + "-deeper", FRESH_STACK_BYTES);
        t.setDaemon(true);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failed[0] instanceof RuntimeException re) throw re;
        if (failed[0] instanceof Error er) throw er;
        if (failed[0] != null) throw new IllegalStateException(failed[0]);
        return out[0];
    }

    static Body bodyOf(MethodInfo m) {
        return new Body(m.decl, m.body, m.owner.file, m.owner, m, m.owner.simpleName + "." + m.name);
    }
}
