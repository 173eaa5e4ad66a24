package dev.lockcheck.agent;

import dev.lockcheck.agent.boot.Hooks;
import dev.lockcheck.report.Finding;
import dev.lockcheck.report.ThreadSnapshot;
import dev.lockcheck.report.TraceStep;
import dev.lockcheck.rules.Severity;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * LC204: a cycle in the run's lock-order graph. An edge L -> M is recorded when a thread acquires
 * M (not reentrantly) while holding L. A read acquisition counts only for a lock that is also
 * write-acquired in the run; a cycle whose edges were all taken under one common gate lock (the
 * outermost lock held) cannot deadlock and is not reported. Each distinct cycle is reported once: a
 * cycle is its set of edges between lock classes (field or allocation site), so the same inversion
 * on many instance pairs, or seen first at different sites on each, is one report.
 */
final class LockOrderInversion {
    static final String ID = "LC204";
    private static final Object UNGATED = new Object();
    /** Threads remembered per edge: a cycle of n edges needs n distinct threads, and cycles are short. */
    private static final int MAX_THREADS = 8;

    private static final class Edge {
        final Object from;
        final Object to;
        final int fromMode;
        final int toMode;
        final int site;
        final String thread;
        final Thread owner;
        /** Every thread seen taking this edge (a few are enough to tell "one thread" from "several"). */
        final List<Thread> threads = new ArrayList<>(2);
        Object gate;
        final Map<Integer, Boolean> modes = new LinkedHashMap<>();

        Edge(Object from, Object to, int fromMode, int toMode, int site, Thread owner, Object gate) {
            this.owner = owner;
            String thread = owner.getName();
            this.from = from;
            this.to = to;
            this.fromMode = fromMode;
            this.toMode = toMode;
            this.site = site;
            this.thread = thread;
            this.gate = gate == null ? UNGATED : gate;
            threads.add(owner);
        }

        void seenBy(Thread t) {
            if (threads.size() < MAX_THREADS && !threads.contains(t)) threads.add(t);
        }
    }

    private final Reporter reporter;
    private final Options options;
    private final Set<Object> written;
    private final Map<Object, Map<Object, Edge>> graph = new IdentityHashMap<>();
    private final Set<String> reported = new TreeSet<>();
    /**
     * The edges to search a cycle from: new or changed since they were last searched (a new cycle
     * runs through one of them), or all of them once more locks count as written. A look searches
     * for at most {@link #BUDGET_NS} and leaves the rest for the next: a lock-heavy program's graph
     * (Derby: thousands of lock instances) made one search of every edge take seconds, and the
     * watchdog holds the exit path while it searches.
     */
    private final ArrayDeque<Edge> pending = new ArrayDeque<>();
    private final Set<Edge> queued = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private int lastWritten;
    static final long BUDGET_NS = 100_000_000L;

    LockOrderInversion(Reporter reporter, Options options, Set<Object> written) {
        this.reporter = reporter;
        this.options = options;
        this.written = written;
    }

    void on(Event e) {
        if (e.kind() != Hooks.EV_EDGE) return;
        Map<Object, Edge> out = graph.get(e.obj2()); // not computeIfAbsent with a lambda: nothing to link at the first drain
        if (out == null) graph.put(e.obj2(), out = new IdentityHashMap<>());
        Edge old = out.get(e.obj());
        if (old == null) {
            Edge ed = new Edge(e.obj2(), e.obj(), e.mode2(), e.mode(), e.site(), e.thread().thread, e.obj3());
            ed.modes.put(e.mode2() * 16 + e.mode(), true);
            out.put(e.obj(), ed);
            queue(ed);
        } else {
            int before = old.threads.size();
            old.seenBy(e.thread().thread);
            boolean changed = old.threads.size() != before;
            if (old.gate != (e.obj3() == null ? UNGATED : e.obj3())) {
                old.gate = UNGATED;
                changed = true;
            }
            if (old.modes.put(e.mode2() * 16 + e.mode(), true) == null) changed = true;
            if (changed) queue(old);
        }
    }

    private void queue(Edge e) {
        if (queued.add(e)) pending.add(e);
    }

    private boolean counts(Edge e) {
        for (int m : e.modes.keySet()) {
            int from = m / 16;
            int to = m % 16;
            if ((!shared(from) || written.contains(e.from)) && (!shared(to) || written.contains(e.to))) return true;
        }
        return false;
    }

    private static boolean shared(int mode) {
        return mode == Hooks.READ || mode == Hooks.STAMP_READ;
    }

    void flush() {
        if (written.size() != lastWritten) {
            // a read edge may count now: every edge is searched again (over as many looks as it takes)
            lastWritten = written.size();
            for (Map<Object, Edge> out : graph.values()) {
                for (Edge e : out.values()) queue(e);
            }
        }
        long deadline = System.nanoTime() + BUDGET_NS;
        for (int n = 1; !pending.isEmpty(); n++) {
            if ((n & 15) == 0 && System.nanoTime() > deadline) return;
            Edge e = pending.poll();
            queued.remove(e);
            if (!counts(e)) continue;
            List<Edge> path = path(e.to, e.from);
            if (path == null) continue;
            List<Edge> cycle = new ArrayList<>();
            cycle.add(e);
            cycle.addAll(path);
            report(cycle);
        }
    }

    /** A path of counting edges from a to b, or null. */
    private List<Edge> path(Object a, Object b) {
        Map<Object, Edge> via = new IdentityHashMap<>();
        Deque<Object> todo = new ArrayDeque<>();
        todo.add(a);
        via.put(a, null);
        while (!todo.isEmpty()) {
            Object n = todo.poll();
            if (n == b) {
                List<Edge> p = new ArrayList<>();
                for (Edge e = via.get(b); e != null; e = via.get(e.from)) p.add(0, e);
                return p;
            }
            for (Edge e : graph.getOrDefault(n, Map.of()).values()) {
                if (!via.containsKey(e.to) && counts(e)) {
                    via.put(e.to, e);
                    todo.add(e.to);
                }
            }
        }
        return null;
    }

    /** Each edge's thread holds the edge's first lock and (at that moment) asks for the second. */
    private static dev.lockcheck.report.Cycle cycleData(List<Edge> cycle) {
        CycleData d = new CycleData(false);
        for (Edge e : cycle) {
            String t = d.thread(e.owner, e.thread, CycleData.at(e.site));
            d.holds(t, d.lock(e.from), e.fromMode, 0);
            d.waitsFor(t, d.lock(e.to), e.toMode, e.site);
        }
        return d.build();
    }

    /**
     * Whether each edge of the cycle can be taken by a different thread at the same time: a system of
     * distinct representatives over the threads seen on each edge (backtracking; cycles are short).
     * A cycle whose edges only one thread took in two places cannot deadlock.
     */
    static boolean distinctThreads(List<? extends List<Thread>> perEdge, int i, Set<Thread> used) {
        if (i == perEdge.size()) return true;
        for (Thread t : perEdge.get(i)) {
            if (used.contains(t)) continue;
            used.add(t);
            if (distinctThreads(perEdge, i + 1, used)) return true;
            used.remove(t);
        }
        return false;
    }

    private void report(List<Edge> cycle) {
        Object gate = cycle.get(0).gate;
        boolean gated = gate != UNGATED;
        for (Edge e : cycle) gated &= e.gate == gate;
        if (gated) return;
        List<List<Thread>> perEdge = new ArrayList<>();
        for (Edge e : cycle) perEdge.add(e.threads);
        if (!distinctThreads(perEdge, 0, java.util.Collections.newSetFromMap(new IdentityHashMap<>()))) return;
        // one report per cycle of lock classes (field or allocation site), as lockdep keys its orders:
        // its edges class -> class, whatever instances and sites. Keying on the sites too reported one
        // inversion twice when two instance pairs first showed their edges at swapped sites
        // (A -> B first seen at line 153 on one pair, at line 160 on the other)
        Set<String> edges = new TreeSet<>();
        for (Edge e : cycle) edges.add(Names.lockClass(e.from) + " -> " + Names.lockClass(e.to));
        if (!reported.add(String.join(", ", edges))) return;
        boolean included = false;
        for (Edge e : cycle) included |= options.includes(HandoffDeadlock.allocationClass(e.from));
        if (!included) return;
        List<TraceStep> trace = new ArrayList<>();
        List<ThreadSnapshot> threads = new ArrayList<>();
        StringBuilder msg = new StringBuilder("locks taken in opposite orders: ");
        StringBuilder text = new StringBuilder(Reporter.banner(ID, "LockOrderInversion",
                "lock order cycle over " + cycle.size() + " locks"));
        List<String> fp = new ArrayList<>();
        fp.add(ID);
        for (int i = 0; i < cycle.size(); i++) {
            Edge e = cycle.get(i);
            String from = Names.shortLock(e.from);
            String to = Names.shortLock(e.to);
            msg.append(i == 0 ? "" : "; ").append(e.thread).append(" takes ").append(Names.lock(e.to))
                    .append(" while holding ").append(Names.lock(e.from)).append(" at ").append(Names.frame(e.site));
            text.append("\"").append(e.thread).append("\": ").append(Names.op(e.fromMode, from)).append(" -> ")
                    .append(Names.op(e.toMode, to)).append("   at ").append(Names.frame(e.site)).append('\n');
            Reporter.add(trace, HandoffDeadlock.step(e.site, e.thread + " acquires " + Names.lock(e.to) + " holding " + Names.lock(e.from)));
            threads.add(new ThreadSnapshot(e.thread, e.owner.getId(), e.owner.getState().name(), List.of(Names.frame(e.site))));
            fp.add(Names.frame(e.site));
        }
        msg.append(" (take them in one global order everywhere)");
        text.append("\n *** POSSIBLE DEADLOCK ***\n\n");
        Edge last = cycle.get(cycle.size() - 1);
        Finding f = new Finding(ID, Severity.ERROR, msg.toString(), Reporter.location(List.of(), last.site),
                Names.lock(cycle.get(0).from), trace, threads, Reporter.fingerprint(fp.toArray(String[]::new)), null,
                cycleData(cycle));
        reporter.report(f, text.toString());
    }
}
