package dev.lockcheck.agent;

import dev.lockcheck.agent.boot.Hooks;
import dev.lockcheck.agent.boot.ThreadState;
import dev.lockcheck.report.Finding;
import dev.lockcheck.report.ThreadSnapshot;
import dev.lockcheck.report.TraceStep;
import dev.lockcheck.rules.Severity;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Future;

/**
 * LC201: a live cycle among blocked threads. Every {@code interval} the watchdog takes the waits
 * that have not moved since the previous look and links each blocked thread to the threads that
 * can end its wait: for a lock, its conflicting holders and, for a new reader, the writers queued
 * ahead of it; for a handoff, the thread that last did the other side of it (the last taker of a
 * queue, the last one to count a latch down), a FutureTask's runner, a joined thread. A cycle in
 * that graph is a deadlock the JVM's own detector cannot see.
 */
final class HandoffDeadlock {
    static final String ID = "LC201";

    private final Reporter reporter;
    private final Options options;
    private final Map<Object, ThreadState[]> lastBySide = new WeakHashMap<>();
    private final Map<ThreadState, Long> previous = new IdentityHashMap<>();
    /** Threads whose self-deadlock an immediate rule (LC203/LC205) already reported. */
    final Map<ThreadState, Object> selfReported = java.util.Collections.synchronizedMap(new IdentityHashMap<>());

    HandoffDeadlock(Reporter reporter, Options options) {
        this.reporter = reporter;
        this.options = options;
    }

    void on(Event e) {
        if ((e.kind() == Hooks.EV_HBEGIN || e.kind() == Hooks.EV_HOP) && e.mode() <= Hooks.SYMMETRIC && e.mode() > 0) {
            lastBySide.computeIfAbsent(e.obj(), k -> new ThreadState[4])[e.mode()] = e.thread();
        }
    }

    private record Wait(ThreadState ts, Object obj, int code, int site) {
        boolean lock() {
            return code < Hooks.HANDOFF;
        }
    }

    /** Kinds of wait-for edges: what the next thread has to do to end the wait. */
    static final int HOLDER = 0, WRITER_AHEAD = 1, PARTNER = 2;

    /** {@code to} ends the wait; for HOLDER, it holds the lock in {@code heldMode} taken at {@code heldSite}. */
    private record Edge(ThreadState to, String why, int kind, int heldMode, int heldSite, boolean inferred) {
    }

    /** One look: returns true when a deadlock was found and the JVM should stop (onDeadlock=exit). */
    boolean scan() {
        ThreadState[] all = Hooks.threads();
        Map<ThreadState, Wait> blocked = new IdentityHashMap<>();
        Map<ThreadState, Long> now = new IdentityHashMap<>();
        for (ThreadState ts : all) {
            Object w = ts.waitObj;
            if (w == null || ts.internal || !ts.thread.isAlive()) continue;
            long seq = ts.waitSeq;
            now.put(ts, seq);
            Thread.State st = ts.thread.getState();
            if (st == Thread.State.RUNNABLE || st == Thread.State.NEW) continue;
            Long prev = previous.get(ts);
            if (prev != null && prev == seq) blocked.put(ts, new Wait(ts, w, ts.waitCode, ts.waitSite));
        }
        previous.clear();
        previous.putAll(now);
        if (blocked.isEmpty()) return false;

        Map<ThreadState, List<Edge>> graph = new IdentityHashMap<>();
        for (Wait w : blocked.values()) graph.put(w.ts(), edges(w, all, blocked));
        Map<ThreadState, Integer> color = new IdentityHashMap<>();
        for (ThreadState start : blocked.keySet()) {
            List<ThreadState> path = new ArrayList<>();
            List<Edge> why = new ArrayList<>();
            if (dfs(start, graph, color, path, why)) {
                return found(path, why, blocked);
            }
        }
        return false;
    }

    private boolean dfs(ThreadState t, Map<ThreadState, List<Edge>> g, Map<ThreadState, Integer> color,
                        List<ThreadState> path, List<Edge> why) {
        Integer c = color.get(t);
        if (c != null && c == 2) return false;
        if (c != null && c == 1) {
            int i = path.indexOf(t);
            path.subList(0, i).clear();
            why.subList(0, i).clear();
            return true;
        }
        color.put(t, 1);
        path.add(t);
        for (Edge e : g.getOrDefault(t, List.of())) {
            why.add(e);
            if (dfs(e.to(), g, color, path, why)) return true;
            why.remove(why.size() - 1);
        }
        path.remove(path.size() - 1);
        color.put(t, 2);
        return false;
    }

    private List<Edge> edges(Wait w, ThreadState[] all, Map<ThreadState, Wait> blocked) {
        List<Edge> out = new ArrayList<>();
        if (w.lock()) {
            int mode = w.code();
            boolean shared = mode == Hooks.READ || mode == Hooks.STAMP_READ;
            for (ThreadState u : all) {
                if (!blocked.containsKey(u)) continue;
                for (int i = 0; i < u.heldCount && i < ThreadState.MAX_HELD; i++) {
                    if (u.heldKey[i] != w.obj()) continue;
                    int hm = u.heldMode[i];
                    boolean heldShared = hm == Hooks.READ || hm == Hooks.STAMP_READ;
                    if (shared && heldShared) continue;
                    if (u == w.ts() && mode == Hooks.READ && hm == Hooks.WRITE) continue; // downgrade
                    if (u == w.ts() && mode == Hooks.WRITE && hm == Hooks.WRITE) continue; // reentrant
                    out.add(new Edge(u, "until \"" + u.thread.getName() + "\" releases "
                            + Names.op(hm, Names.shortLock(w.obj())) + " taken at " + Names.frame(u.heldSite[i]),
                            HOLDER, hm, u.heldSite[i], false));
                    break;
                }
            }
            if (shared && w.ts().findAny(w.obj()) < 0) {
                int writeMode = mode == Hooks.READ ? Hooks.WRITE : Hooks.STAMP_WRITE;
                for (Wait o : blocked.values()) {
                    if (o.ts() != w.ts() && o.obj() == w.obj() && o.code() == writeMode) {
                        out.add(new Edge(o.ts(), "a new reader queues behind the pending writer \""
                                + o.ts().thread.getName() + "\"", WRITER_AHEAD, -1, 0, false));
                    }
                }
            }
        } else {
            int side = w.code() - Hooks.HANDOFF;
            ThreadState partner = null;
            String how = null;
            if (side == Hooks.JOIN) {
                for (ThreadState u : all) if (u.thread == w.obj()) partner = u;
                how = "the joined thread";
            } else if (w.obj() instanceof Future) {
                for (ThreadState u : all) if (u.runningTask == w.obj()) partner = u;
                how = "the thread running the task";
            }
            if (partner == null) {
                ThreadState[] last = lastBySide.get(w.obj());
                int other = side == Hooks.PRODUCE ? Hooks.CONSUME : side == Hooks.CONSUME ? Hooks.PRODUCE : Hooks.SYMMETRIC;
                if (last != null && last[other] != null && last[other] != w.ts()) {
                    partner = last[other];
                    how = side == Hooks.PRODUCE ? "the thread that last took from it"
                            : side == Hooks.CONSUME ? "the thread that last handed to it" : "its last partner";
                }
            }
            if (partner != null && blocked.containsKey(partner)) {
                out.add(new Edge(partner, "which only \"" + partner.thread.getName() + "\" can end (" + how + ")",
                        PARTNER, -1, 0, false));
            }
        }
        return out;
    }

    private boolean found(List<ThreadState> cycle, List<Edge> why, Map<ThreadState, Wait> blocked) {
        if (cycle.size() == 1 && selfReported.containsKey(cycle.get(0))) return options.exitOnDeadlock();
        // start the story at a thread that holds a shared lock across a handoff, if there is one
        int start = 0;
        for (int i = 0; i < cycle.size(); i++) {
            Wait w = blocked.get(cycle.get(i));
            if (!w.lock() && holdsShared(w.ts())) {
                start = i;
                break;
            }
        }
        List<ThreadState> c = new ArrayList<>();
        List<Edge> reasons = new ArrayList<>();
        for (int i = 0; i < cycle.size(); i++) {
            c.add(cycle.get((start + i) % cycle.size()));
            reasons.add(why.get((start + i) % why.size()));
        }
        List<ThreadSnapshot> threads = new ArrayList<>();
        List<TraceStep> trace = new ArrayList<>();
        StringBuilder text = new StringBuilder(Reporter.banner(ID, "HandoffDeadlock",
                "live deadlock among " + c.size() + " thread" + (c.size() == 1 ? "" : "s")));
        StringBuilder msg = new StringBuilder("live deadlock: ");
        List<String> fp = new ArrayList<>();
        fp.add(ID);
        Object firstLock = null;
        List<String> firstStack = null;
        for (int i = 0; i < c.size(); i++) {
            ThreadState t = c.get(i);
            Wait w = blocked.get(t);
            List<String> stack = Reporter.stack(t.thread.getStackTrace());
            if (firstStack == null) firstStack = stack;
            threads.add(Reporter.snapshot(t.thread, stack));
            String name = "\"" + t.thread.getName() + "\"";
            StringBuilder part = new StringBuilder();
            for (int j = 0; j < t.heldCount && j < ThreadState.MAX_HELD; j++) {
                Object k = t.heldKey[j];
                if (k == null) continue;
                if (firstLock == null) firstLock = k;
                part.append(" holds ").append(Names.op(t.heldMode[j], Names.shortLock(k)))
                        .append(" (taken at ").append(Names.frame(t.heldSite[j])).append("),");
                trace.add(step(t.heldSite[j], t.thread.getName() + " took " + Names.mode(t.heldMode[j]).describe()
                        + " " + Names.lock(k)));
            }
            String waits;
            if (w.lock()) {
                if (firstLock == null) firstLock = w.obj();
                waits = "waits for " + Names.op(w.code(), Names.shortLock(w.obj())) + " [pending]";
            } else {
                waits = "waits in " + Names.handoff(w.obj());
            }
            waits += " at " + Names.frame(w.site());
            trace.add(step(w.site(), t.thread.getName() + " " + (w.lock() ? "waits for " + Names.mode(w.code()).describe()
                    + " " + Names.lock(w.obj()) : "waits in " + Names.handoff(w.obj()))));
            text.append(name).append(part).append(' ').append(waits).append('\n')
                    .append("    -> ").append(reasons.get(i).why()).append('\n');
            msg.append(i == 0 ? "" : "; ").append(t.thread.getName()).append(part).append(' ').append(waits)
                    .append(", ").append(reasons.get(i).why());
            fp.add(Names.frame(w.site()));
        }
        text.append("\n *** DEADLOCK ***\n\n");
        String lock = firstLock == null ? null : Names.lock(firstLock);
        if (firstLock != null && !options.includes(allocationClass(firstLock))) return false;
        Finding f = new Finding(ID, Severity.ERROR, msg.toString(), Reporter.location(firstStack, blocked.get(c.get(0)).site()),
                lock, trace, threads, Reporter.fingerprint(fp.toArray(String[]::new)), null, cycleData(c, reasons, blocked));
        reporter.report(f, text.toString());
        return options.exitOnDeadlock();
    }

    /** The cycle as data: each thread's wait, and what the next thread does to end it (holds, completes). */
    private static dev.lockcheck.report.Cycle cycleData(List<ThreadState> c, List<Edge> reasons, Map<ThreadState, Wait> blocked) {
        CycleData d = new CycleData(true);
        for (ThreadState t : c) d.thread(t, t.thread.getName(), CycleData.at(blocked.get(t).site()));
        for (int i = 0; i < c.size(); i++) {
            ThreadState t = c.get(i);
            Wait w = blocked.get(t);
            String me = d.thread(t, t.thread.getName(), null);
            String target = w.lock() ? d.lock(w.obj()) : d.handoff(w.obj(), w.site());
            d.waitsFor(me, target, w.lock() ? w.code() : -1, w.site());
            Edge e = reasons.get(i);
            String next = d.thread(e.to(), e.to().thread.getName(), null);
            if (e.kind() == HOLDER) d.holds(next, target, e.heldMode(), e.heldSite());
            else if (e.kind() == PARTNER) d.completes(next, target, null, e.inferred());
        }
        return d.build();
    }

    static String allocationClass(Object key) {
        Sites.Site s = Names.allocation(key);
        return s == null ? null : s.className();
    }

    private static boolean holdsShared(ThreadState t) {
        for (int j = 0; j < t.heldCount && j < ThreadState.MAX_HELD; j++) {
            if (t.heldMode[j] == Hooks.READ || t.heldMode[j] == Hooks.STAMP_READ) return true;
        }
        return false;
    }

    static TraceStep step(int site, String note) {
        Sites.Site s = Sites.get(site);
        return new TraceStep(s == null ? "unknown" : s.path(), s == null ? 0 : s.line(), note);
    }

}
