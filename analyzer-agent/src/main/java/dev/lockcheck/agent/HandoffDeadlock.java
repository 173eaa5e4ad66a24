package dev.lockcheck.agent;

import dev.lockcheck.agent.boot.Hooks;
import dev.lockcheck.agent.boot.Keys;
import dev.lockcheck.agent.boot.ThreadState;
import dev.lockcheck.report.Cycle;
import dev.lockcheck.report.Finding;
import dev.lockcheck.report.ThreadSnapshot;
import dev.lockcheck.report.TraceStep;
import dev.lockcheck.rules.Severity;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Future;

/**
 * LC201: a live cycle among blocked threads. Every {@code interval} the watchdog builds one
 * wait-for graph over thread ids from two sources:
 * <ul>
 *   <li>what the JVM knows ({@link ThreadMXBean}): a thread blocked on a monitor or parked on an
 *       ownable synchronizer waits for its owner. This covers locks the agent never saw (JDK code
 *       such as {@code Hashtable}, class-loading locks, classes of another class loader);</li>
 *   <li>what the agent tracks, which the JVM cannot see: read holders of a lock a thread waits
 *       for, writers queued ahead of a new reader, and handoff waits linked to the thread that can
 *       end them (the last thread that did the other side, a task's runner, a joined thread).</li>
 * </ul>
 * An edge counts only when it has not moved since the previous look. A handoff wait whose
 * completer is unknown, by a thread that holds a lock and has been stuck for {@link #INFER_AFTER}
 * looks, is linked to the threads blocked behind it (the only threads that could be on their way
 * to complete it): the report says that this completer was inferred. A cycle is a deadlock.
 */
final class HandoffDeadlock {
    static final String ID = "LC201";
    /** Looks a handoff wait must stay unchanged before its completer is inferred. */
    static final int INFER_AFTER = 3;

    private final Reporter reporter;
    private final Options options;
    private final Map<Object, ThreadState[]> lastBySide = new WeakHashMap<>();
    private final Map<ThreadState, long[]> previous = new IdentityHashMap<>();
    private Map<Long, String> previousJvm = new HashMap<>();
    /** Made at the watchdog's first look, not at agent start: the management classes cost a JVM that exits at once about 0.2 s. */
    private ThreadMXBean mx;
    /**
     * Per look: the holders of each waited-for lock and the agent's key of each lock the JVM names,
     * each found once. Found per wait, a look cost (waiting threads) x (threads) x (held locks): with
     * 5,000 threads queued on one monitor, a minute of CPU.
     */
    private final Map<Object, List<ThreadState>> holders = new IdentityHashMap<>();
    /** Names of the threads in this look's dump, by id (names of untracked owners without asking the JVM by id). */
    private final Map<Long, String> jvmNames = new HashMap<>();
    private final Map<String, Object> known = new HashMap<>();
    private static final Object NONE = new Object();
    /** Threads whose self-deadlock an immediate rule (LC203/LC205) already reported. */
    final Map<ThreadState, Object> selfReported = java.util.Collections.synchronizedMap(new IdentityHashMap<>());

    private ThreadMXBean mx() {
        if (mx == null) mx = ManagementFactory.getThreadMXBean();
        return mx;
    }

    HandoffDeadlock(Reporter reporter, Options options) {
        this.reporter = reporter;
        this.options = options;
    }

    void on(Event e) {
        if ((e.kind() == Hooks.EV_HBEGIN || e.kind() == Hooks.EV_HOP) && e.mode() <= Hooks.SYMMETRIC && e.mode() > 0) {
            ThreadState[] last = lastBySide.get(e.obj()); // not computeIfAbsent with a lambda: nothing to link at the first drain
            if (last == null) lastBySide.put(e.obj(), last = new ThreadState[4]);
            last[e.mode()] = e.thread();
        }
    }

    /** A tracked thread's wait, unchanged for {@code looks} looks. */
    private record Wait(ThreadState ts, Object obj, int code, int site, int looks) {
        boolean lock() {
            return code < Hooks.HANDOFF;
        }

        boolean objectWait() {
            return !lock() && code - Hooks.HANDOFF == Hooks.CONSUME && site != 0 && "Object.wait".equals(call(site));
        }
    }

    /** A wait the JVM reports: blocked on a monitor (BLOCKED) or parked on a synchronizer with an owner. */
    private record JvmWait(long id, String thread, LockInfo lock, long owner, boolean monitor) {
    }

    /** Kinds of wait-for edges: what the next thread has to do to end the wait. */
    enum Kind { HOLDER, WRITER_AHEAD, PARTNER, INFERRED, OWNER }

    /**
     * {@code to} ends the wait. HOLDER: it holds the lock in {@code heldMode} taken at {@code heldSite};
     * INFERRED: {@code candidates} are all the threads that could be the completer.
     */
    private record Edge(long to, Kind kind, String why, int heldMode, int heldSite, List<String> candidates) {
    }

    private static String call(int site) {
        Sites.Site s = Sites.get(site);
        return s == null ? null : s.call();
    }

    /** The last look saw a thread in a wait (tracked, or one the JVM reports): only then can the next look confirm one. */
    private boolean waitsSeen;

    boolean waitsSeen() {
        return waitsSeen;
    }

    /** One look: returns true when a deadlock was found and the JVM should stop (onDeadlock=exit). */
    boolean scan() {
        ThreadState[] all = Hooks.threads();
        holders.clear();
        known.clear();
        Map<Long, ThreadState> byId = new HashMap<>();
        Map<Long, Wait> blocked = new LinkedHashMap<>();
        Map<ThreadState, long[]> now = new IdentityHashMap<>();
        for (ThreadState ts : all) {
            if (ts.internal || !ts.thread.isAlive()) continue;
            byId.put(ts.thread.getId(), ts);
            Object w = ts.waitingFor();
            if (w == null) continue;
            long seq = ts.waitSeq;
            Thread.State st = ts.thread.getState();
            if (st == Thread.State.RUNNABLE || st == Thread.State.NEW) continue;
            long[] prev = previous.get(ts);
            int looks = prev != null && prev[0] == seq ? (int) prev[1] + 1 : 0;
            now.put(ts, new long[] {seq, looks});
            if (looks > 0) blocked.put(ts.thread.getId(), new Wait(ts, w, ts.waitCodeNow(), ts.waitSiteNow(), looks));
        }
        previous.clear();
        previous.putAll(now);
        Map<Long, JvmWait> jvm = jvmWaits(byId);
        waitsSeen = !now.isEmpty() || !previousJvm.isEmpty();

        Map<Long, List<Edge>> graph = new LinkedHashMap<>();
        for (Wait w : blocked.values()) graph.put(w.ts().thread.getId(), edges(w, all, blocked));
        for (JvmWait j : jvm.values()) {
            List<Edge> out = graph.computeIfAbsent(j.id(), k -> new ArrayList<>());
            if (out.stream().noneMatch(e -> e.to() == j.owner())) {
                out.add(new Edge(j.owner(), Kind.OWNER, "until \"" + threadName(j.owner(), byId) + "\" releases "
                        + (j.monitor() ? "the monitor " : "the lock ") + jvmLockName(j.lock(), byId), -1, 0, null));
            }
        }
        if (graph.isEmpty()) return false;
        infer(blocked, graph, byId);

        Map<Long, Integer> color = new HashMap<>();
        List<Long> order = new ArrayList<>(graph.keySet());
        // start the story at a thread that holds a shared lock across a handoff, if there is one
        order.sort((a, b) -> Boolean.compare(storyStart(blocked.get(b)), storyStart(blocked.get(a))));
        for (Long start : order) {
            List<Long> path = new ArrayList<>();
            List<Edge> why = new ArrayList<>();
            if (dfs(start, graph, color, path, why)) return found(path, why, blocked, jvm, byId);
        }
        return false;
    }

    private static boolean storyStart(Wait w) {
        return w != null && !w.lock() && holdsShared(w.ts());
    }

    /**
     * The JVM's own wait-for edges, kept when unchanged since the previous look. The JVM is asked
     * only when some thread can be in such a wait by its state (read in Java: blocked on a monitor,
     * or parked on an ownable synchronizer), and never by thread id. getThreadInfo(ids) holds the
     * JVM's list of threads (a hazard pointer) for the whole call and looks each id up; a thread
     * that has ended meanwhile costs a search of the list under the JVM's Threads_lock, and a thread
     * that is ending cannot be freed until the call returns. Threads that end together queue on
     * their ThreadGroup's monitor (BLOCKED, so asked about), then end during the call: in slow runs
     * of a program whose 5,000 threads exit together, dumps showed the watchdog inside that call for
     * 30 s and more (0.3 s of its own CPU) and 20-50 s of CPU gone to threads that had already ended.
     * dumpAllThreads walks the threads inside one safepoint instead: nothing looked up by id, the
     * list held only while the world is stopped.
     */
    private Map<Long, JvmWait> jvmWaits(Map<Long, ThreadState> byId) {
        Map<Long, JvmWait> out = new HashMap<>();
        Map<Long, String> seen = new HashMap<>();
        jvmNames.clear();
        ThreadInfo[] infos;
        try {
            java.util.Set<Long> ask = new java.util.HashSet<>();
            for (long id : jvmCandidates()) ask.add(id);
            if (ask.isEmpty()) {
                previousJvm = seen;
                return out;
            }
            ThreadInfo[] all = mx().dumpAllThreads(false, false, 0);
            List<ThreadInfo> kept = new ArrayList<>();
            for (ThreadInfo ti : all) {
                if (ti == null) continue;
                jvmNames.put(ti.getThreadId(), ti.getThreadName());
                if (ask.contains(ti.getThreadId())) kept.add(ti);
            }
            infos = kept.toArray(new ThreadInfo[0]);
        } catch (RuntimeException e) {
            return out;
        }
        for (ThreadInfo ti : infos) {
            if (ti == null || ti.getLockOwnerId() < 0 || ti.getLockInfo() == null) continue;
            Thread.State st = ti.getThreadState();
            if (st != Thread.State.BLOCKED && st != Thread.State.WAITING) continue;
            ThreadState ts = byId.get(ti.getThreadId());
            if (ts != null && ts.internal) continue;
            String key = ti.getLockOwnerId() + "|" + ti.getLockInfo();
            seen.put(ti.getThreadId(), key);
            if (key.equals(previousJvm.get(ti.getThreadId()))) {
                out.put(ti.getThreadId(), new JvmWait(ti.getThreadId(), ti.getThreadName(), ti.getLockInfo(),
                        ti.getLockOwnerId(), st == Thread.State.BLOCKED));
            }
        }
        previousJvm = seen;
        return out;
    }

    /**
     * Ids of the live threads that may be in a wait the JVM reports with an owner: BLOCKED (entering
     * or re-entering a monitor), or WAITING parked with an ownable synchronizer as
     * the blocker (a lock of java.util.concurrent). A thread parked without one (LockSupport.park()),
     * in a timed wait (the JVM's edges below skip those too), sleeping or running is not asked about. A thread in Object.wait() is not either: it waits for a
     * notify, not for the monitor's owner (once notified it is BLOCKED, and asked about).
     */
    static long[] jvmCandidates() {
        ThreadGroup g = Thread.currentThread().getThreadGroup();
        while (g.getParent() != null) g = g.getParent();
        Thread[] ts = new Thread[g.activeCount() + 16];
        int n;
        while ((n = g.enumerate(ts, true)) == ts.length) ts = new Thread[ts.length * 2];
        long[] ids = new long[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            Thread t = ts[i];
            Thread.State st = t.getState();
            if (st == Thread.State.BLOCKED || st == Thread.State.WAITING
                    && java.util.concurrent.locks.LockSupport.getBlocker(t) instanceof java.util.concurrent.locks.AbstractOwnableSynchronizer) {
                ids[k++] = t.getId();
            }
        }
        return java.util.Arrays.copyOf(ids, k);
    }

    private boolean dfs(Long t, Map<Long, List<Edge>> g, Map<Long, Integer> color, List<Long> path, List<Edge> why) {
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

    /** The live tracked threads that hold key, in the order of {@code all}; made once per key and look. */
    private List<ThreadState> holders(Object key, ThreadState[] all) {
        List<ThreadState> h = holders.get(key);
        if (h == null) {
            h = new ArrayList<>();
            for (ThreadState u : all) {
                if (u.internal || !u.thread.isAlive()) continue;
                for (int i = 0; i < u.heldCount && i < ThreadState.MAX_HELD; i++) {
                    if (u.heldKey(i) == key) {
                        h.add(u);
                        break;
                    }
                }
            }
            holders.put(key, h);
        }
        return h;
    }

    private List<Edge> edges(Wait w, ThreadState[] all, Map<Long, Wait> blocked) {
        List<Edge> out = new ArrayList<>();
        if (w.lock()) {
            int mode = w.code();
            boolean shared = mode == Hooks.READ || mode == Hooks.STAMP_READ;
            for (ThreadState u : holders(w.obj(), all)) {
                Wait uw = blocked.get(u.thread.getId());
                for (int i = 0; i < u.heldCount && i < ThreadState.MAX_HELD; i++) {
                    if (u.heldKey(i) != w.obj()) continue;
                    if (uw != null && uw.objectWait() && uw.obj() == w.obj()) break; // in wait(): it let the monitor go
                    int hm = u.heldMode(i);
                    boolean heldShared = hm == Hooks.READ || hm == Hooks.STAMP_READ;
                    if (shared && heldShared) continue;
                    if (u == w.ts() && mode == Hooks.READ && hm == Hooks.WRITE) continue; // downgrade
                    if (u == w.ts() && mode == Hooks.WRITE && hm == Hooks.WRITE) continue; // reentrant
                    if (u == w.ts() && mode == Hooks.MONITOR) continue; // reentrant
                    out.add(new Edge(u.thread.getId(), Kind.HOLDER, "until \"" + u.thread.getName() + "\" releases "
                            + Names.op(hm, Names.shortLock(w.obj())) + " taken at " + Names.frame(u.heldSite(i)),
                            hm, u.heldSite(i), null));
                    break;
                }
            }
            if (shared && w.ts().findAny(w.obj()) < 0) {
                int writeMode = mode == Hooks.READ ? Hooks.WRITE : Hooks.STAMP_WRITE;
                for (Wait o : blocked.values()) {
                    if (o.ts() != w.ts() && o.obj() == w.obj() && o.code() == writeMode) {
                        out.add(new Edge(o.ts().thread.getId(), Kind.WRITER_AHEAD, "a new reader queues behind the pending writer \""
                                + o.ts().thread.getName() + "\"", -1, 0, null));
                    }
                }
            }
        } else {
            ThreadState partner = partner(w, all);
            if (partner != null) {
                out.add(new Edge(partner.thread.getId(), Kind.PARTNER, "which only \"" + partner.thread.getName()
                        + "\" can end (" + how(w) + ")", -1, 0, null));
            }
        }
        return out;
    }

    private ThreadState partner(Wait w, ThreadState[] all) {
        int side = w.code() - Hooks.HANDOFF;
        ThreadState partner = null;
        if (side == Hooks.JOIN) {
            for (ThreadState u : all) if (u.thread == w.obj()) partner = u;
        } else if (w.obj() instanceof Future) {
            for (ThreadState u : all) if (u.runningTask == w.obj()) partner = u;
        }
        if (partner == null) {
            ThreadState[] last = lastBySide.get(w.obj());
            int other = side == Hooks.PRODUCE ? Hooks.CONSUME : side == Hooks.CONSUME ? Hooks.PRODUCE : Hooks.SYMMETRIC;
            if (last != null && last[other] != null && last[other] != w.ts() && last[other].thread.isAlive()) {
                partner = last[other];
            }
        }
        return partner;
    }

    private static String how(Wait w) {
        int side = w.code() - Hooks.HANDOFF;
        if (side == Hooks.JOIN) return "the joined thread";
        if (w.obj() instanceof Future) return "the thread running the task";
        if (w.objectWait()) return "the thread that last notified it";
        return side == Hooks.PRODUCE ? "the thread that last took from it"
                : side == Hooks.CONSUME ? "the thread that last handed to it" : "its last partner";
    }

    /**
     * Item "completer unknown": a thread stuck for several looks in a handoff nobody is known to end,
     * while it holds a lock, is linked to every thread blocked (directly or through others) behind it.
     * Those threads cannot move until it does; if the completer is among them, nothing ever moves.
     * New readers parked behind a queued writer come first: they are the likeliest completers.
     */
    private void infer(Map<Long, Wait> blocked, Map<Long, List<Edge>> graph, Map<Long, ThreadState> byId) {
        for (Wait w : blocked.values()) {
            long me = w.ts().thread.getId();
            if (w.lock() || w.looks() < INFER_AFTER || w.ts().heldCount == 0) continue;
            List<Edge> out = graph.get(me);
            if (out.stream().anyMatch(e -> e.kind() == Kind.PARTNER)) continue;
            if (w.obj() instanceof Thread) continue; // a joined thread is its own completer
            List<Long> behind = new ArrayList<>();
            for (Long t : graph.keySet()) {
                if (t != me && reaches(t, me, graph, new java.util.HashSet<>())) behind.add(t);
            }
            if (behind.isEmpty()) continue;
            behind.sort((a, b) -> Boolean.compare(newReader(blocked.get(b)), newReader(blocked.get(a))));
            List<String> names = new ArrayList<>();
            for (Long t : behind) names.add(threadName(t, byId));
            for (Long t : behind) {
                out.add(new Edge(t, Kind.INFERRED, "whose completer was inferred: it can only be one of the threads blocked"
                        + " behind \"" + w.ts().thread.getName() + "\" (" + String.join(", ", names) + "), since no"
                        + " other thread has ever completed it", -1, 0, names));
            }
        }
    }

    private static boolean newReader(Wait w) {
        return w != null && w.lock() && (w.code() == Hooks.READ || w.code() == Hooks.STAMP_READ) && w.ts().findAny(w.obj()) < 0;
    }

    private static boolean reaches(Long from, Long to, Map<Long, List<Edge>> g, java.util.Set<Long> seen) {
        if (!seen.add(from)) return false;
        for (Edge e : g.getOrDefault(from, List.of())) {
            if (e.kind() == Kind.INFERRED) continue;
            if (e.to() == to || reaches(e.to(), to, g, seen)) return true;
        }
        return false;
    }

    private boolean found(List<Long> cycle, List<Edge> why, Map<Long, Wait> blocked, Map<Long, JvmWait> jvm,
                          Map<Long, ThreadState> byId) {
        if (cycle.size() == 1) {
            ThreadState only = byId.get(cycle.get(0));
            if (only != null && selfReported.containsKey(only)) return options.exitOnDeadlock();
        }
        long[] ids = cycle.stream().mapToLong(Long::longValue).toArray();
        ThreadInfo[] infos = new ThreadInfo[ids.length];
        try {
            // not getThreadInfo(ids, ...): asking by id makes the JVM keep a table of thread ids that
            // slows every thread's exit from then on (see jvmWaits)
            Map<Long, ThreadInfo> dump = new HashMap<>();
            for (ThreadInfo ti : mx().dumpAllThreads(mx().isObjectMonitorUsageSupported(), mx().isSynchronizerUsageSupported())) {
                if (ti != null) dump.put(ti.getThreadId(), ti);
            }
            for (int i = 0; i < ids.length; i++) infos[i] = dump.get(ids[i]);
        } catch (RuntimeException e) {
            // names and stacks then come from the tracked threads only
        }
        boolean locksOnly = true;
        boolean monitors = false;
        boolean others = false;
        for (int i = 0; i < cycle.size(); i++) {
            Edge e = why.get(i);
            Wait w = blocked.get(cycle.get(i));
            if (e.kind() != Kind.HOLDER && e.kind() != Kind.OWNER) locksOnly = false;
            if (w != null && w.lock() && (w.code() == Hooks.READ || w.code() == Hooks.STAMP_READ)) locksOnly = false;
            if (e.kind() == Kind.HOLDER && (e.heldMode() == Hooks.READ || e.heldMode() == Hooks.STAMP_READ)) locksOnly = false;
            boolean monitor = w != null ? w.lock() && w.code() == Hooks.MONITOR : jvm.get(cycle.get(i)) != null && jvm.get(cycle.get(i)).monitor();
            if (monitor) monitors = true;
            else others = true;
        }
        boolean nestedMonitor = false;
        List<String> inferred = null;
        for (int i = 0; i < cycle.size(); i++) {
            if (why.get(i).kind() == Kind.INFERRED) {
                inferred = why.get(i).candidates();
                Wait w = blocked.get(cycle.get(i));
                nestedMonitor |= w != null && w.objectWait();
            }
        }
        String what = locksOnly ? "lock-order deadlock between " + (monitors && others ? "locks and monitors"
                : monitors ? "monitors" : "locks") : nestedMonitor ? "nested-monitor lockout" : "handoff deadlock";

        List<ThreadSnapshot> threads = new ArrayList<>();
        List<TraceStep> trace = new ArrayList<>();
        StringBuilder text = new StringBuilder(Reporter.banner(ID, "HandoffDeadlock",
                "live " + what + " among " + cycle.size() + " thread" + (cycle.size() == 1 ? "" : "s")));
        StringBuilder msg = new StringBuilder("live " + what + ": ");
        List<String> fp = new ArrayList<>();
        fp.add(ID);
        Object firstLock = null;
        List<String> firstStack = null;
        int firstSite = 0;
        CycleData d = new CycleData(true);
        List<String> lockNames = new ArrayList<>();
        for (int i = 0; i < cycle.size(); i++) { // thread nodes first, each with where it stands
            long id = cycle.get(i);
            Wait w = blocked.get(id);
            ThreadState t = byId.get(id);
            String tname = infos[i] != null ? infos[i].getThreadName() : t != null ? t.thread.getName() : "thread " + id;
            d.thread(id, tname, w != null ? CycleData.at(w.site())
                    : infos[i] != null ? appFrame(Reporter.stack(infos[i].getStackTrace())) : null);
        }
        for (int i = 0; i < cycle.size(); i++) {
            long id = cycle.get(i);
            ThreadState t = byId.get(id);
            ThreadInfo info = infos[i];
            Wait w = blocked.get(id);
            JvmWait jw = jvm.get(id);
            String tname = info != null ? info.getThreadName() : t != null ? t.thread.getName() : "thread " + id;
            List<String> stack = info != null ? Reporter.stack(info.getStackTrace())
                    : t != null ? Reporter.stack(t.thread.getStackTrace()) : List.of();
            if (firstStack == null) {
                firstStack = stack;
                firstSite = w == null ? 0 : w.site();
            }
            threads.add(new ThreadSnapshot(tname, id, info != null ? info.getThreadState().name()
                    : t != null ? t.thread.getState().name() : "BLOCKED", stack));
            String here = w != null ? CycleData.at(w.site()) : stack.isEmpty() ? null : appFrame(stack);
            String me = d.thread(id, tname, here);
            String name = "\"" + tname + "\"";
            StringBuilder part = new StringBuilder();
            // what it holds that the previous thread in the cycle waits for
            Edge into = why.get((i + cycle.size() - 1) % cycle.size());
            long prevId = cycle.get((i + cycle.size() - 1) % cycle.size());
            Wait pw = blocked.get(prevId);
            JvmWait pj = jvm.get(prevId);
            if (into.kind() == Kind.HOLDER && pw != null) {
                if (firstLock == null) firstLock = pw.obj();
                part.append(" holds ").append(Names.op(into.heldMode(), Names.shortLock(pw.obj())))
                        .append(" (taken at ").append(Names.frame(into.heldSite())).append("),");
                Reporter.add(trace, step(into.heldSite(), tname + " took " + Names.mode(into.heldMode()).describe() + " "
                        + Names.lock(pw.obj())));
                d.holds(me, d.lock(pw.obj()), into.heldMode(), into.heldSite());
            } else if (into.kind() == Kind.OWNER && pj != null) {
                String ln = jvmLockName(pj.lock(), byId);
                String at = lockedAt(info, pj.lock());
                part.append(" holds ").append(ln).append(at == null ? "" : " (taken at " + at + ")").append(',');
                d.holds(me, jvmLockNode(d, pj.lock(), byId), pj.monitor() ? "monitor" : "exclusive", at);
                if (!lockNames.contains(ln)) lockNames.add(ln);
            }
            // the read lock a handoff waiter keeps (what the queued writer waits for)
            if (w != null && !w.lock()) {
                for (int j = 0; j < t.heldCount && j < ThreadState.MAX_HELD; j++) {
                    Object k = t.heldKey(j);
                    if (k == null || (w.objectWait() && k == w.obj())) continue;
                    if (firstLock == null) firstLock = k;
                    if (part.indexOf(Names.shortLock(k)) >= 0) continue;
                    part.append(" holds ").append(Names.op(t.heldMode(j), Names.shortLock(k)))
                            .append(" (taken at ").append(Names.frame(t.heldSite(j))).append("),");
                    Reporter.add(trace, step(t.heldSite(j), tname + " took " + Names.mode(t.heldMode(j)).describe() + " " + Names.lock(k)));
                    d.holds(me, d.lock(k), t.heldMode(j), t.heldSite(j));
                }
            }
            String waits;
            Edge out = why.get(i);
            if (w != null && (out.kind() != Kind.OWNER || jw == null)) {
                if (w.lock()) {
                    if (firstLock == null) firstLock = w.obj();
                    waits = "waits for " + Names.op(w.code(), Names.shortLock(w.obj())) + " [pending]";
                    d.waitsFor(me, d.lock(w.obj()), w.code(), w.site());
                    String ln = Names.lock(w.obj());
                    if (!lockNames.contains(ln)) lockNames.add(ln);
                } else {
                    waits = "waits in " + Names.handoff(w.obj()) + (w.site() != 0 && call(w.site()) != null ? " (" + call(w.site()) + ")" : "");
                    String h = d.handoff(w.obj(), w.site());
                    d.waitsFor(me, h, -1, w.site());
                    long next = cycle.get((i + 1) % cycle.size());
                    ThreadState nt = byId.get(next);
                    if (out.kind() == Kind.PARTNER || out.kind() == Kind.INFERRED) {
                        d.completes(d.thread(next, nt != null ? nt.thread.getName() : threadName(next, byId), null), h, null,
                                out.kind() == Kind.INFERRED);
                    }
                }
                waits += " at " + Names.frame(w.site());
                Reporter.add(trace, step(w.site(), tname + " " + (w.lock() ? "waits for " + Names.mode(w.code()).describe()
                        + " " + Names.lock(w.obj()) : "waits in " + Names.handoff(w.obj()))));
                fp.add(Names.frame(w.site()));
            } else {
                String ln = jvmLockName(jw.lock(), byId);
                String at = appFrame(stack);
                waits = "waits for " + (jw.monitor() ? "the monitor " : "the lock ") + ln + (at == null ? "" : " at " + at);
                d.waitsFor(me, jvmLockNode(d, jw.lock(), byId), jw.monitor() ? "monitor" : "exclusive", at, false);
                if (!lockNames.contains(ln)) lockNames.add(ln);
                Reporter.add(trace, stepAt(at, tname + " waits for " + ln));
                fp.add(at == null ? jw.lock().getClassName() : at);
            }
            text.append(name).append(part).append(' ').append(waits).append('\n')
                    .append("    -> ").append(out.why()).append('\n');
            msg.append(i == 0 ? "" : "; ").append(tname).append(part).append(' ').append(waits).append(", ").append(out.why());
        }
        if (locksOnly) {
            msg.insert(("live " + what).length(), " " + String.join(" and ", lockNames));
            msg.append(" (take them in one global order everywhere)");
        } else if (inferred != null) {
            msg.append(" (the completer was inferred, not seen: ").append(String.join(", ", inferred))
                    .append(" blocked behind the waiter; release the lock before waiting)");
        }
        text.append("\n *** DEADLOCK ***\n\n");
        String lock = firstLock != null ? Names.lock(firstLock) : lockNames.isEmpty() ? null : lockNames.get(0);
        String allocated = firstLock == null ? null : allocationClass(firstLock);
        dev.lockcheck.report.Location loc = Reporter.location(firstStack, firstSite);
        if (!options.includes(allocated != null ? allocated : loc.file().replace('/', '.'))) return false;
        Finding f = new Finding(ID, Severity.ERROR, msg.toString(), loc, lock, trace, threads,
                Reporter.fingerprint(fp.toArray(String[]::new)), null, d.build());
        reporter.report(f, text.toString());
        return options.exitOnDeadlock();
    }

    /** The first frame outside the JDK, for a thread the agent knows only from the JVM. */
    private static String appFrame(List<String> stack) {
        for (String f : stack) {
            if (!f.startsWith("java.") && !f.startsWith("jdk.") && !f.startsWith("sun.")) return f;
        }
        return stack.isEmpty() ? null : stack.get(0);
    }

    /** Where the thread took a monitor, from the JVM's locked-monitor list; null for synchronizers. */
    private static String lockedAt(ThreadInfo info, LockInfo lock) {
        if (info == null) return null;
        for (MonitorInfo m : info.getLockedMonitors()) {
            if (m.getIdentityHashCode() == lock.getIdentityHashCode() && m.getLockedStackFrame() != null) {
                return Reporter.stack(new StackTraceElement[] {m.getLockedStackFrame()}).stream().findFirst().orElse(null);
            }
        }
        return null;
    }

    /** The agent's key for a lock the JVM names, when some tracked thread holds or awaits it. */
    private Object knownKey(LockInfo li, Map<Long, ThreadState> byId) {
        String name = li.getClassName() + "@" + li.getIdentityHashCode();
        Object k = known.get(name);
        if (k == null) {
            k = findKey(li, byId);
            known.put(name, k == null ? NONE : k);
        }
        return k == NONE ? null : k;
    }

    private static Object findKey(LockInfo li, Map<Long, ThreadState> byId) {
        for (ThreadState t : byId.values()) {
            for (int j = 0; j < t.heldCount && j < ThreadState.MAX_HELD; j++) {
                Object k = t.heldKey(j);
                if (k != null && matches(k, li)) return k;
            }
            Object w = t.waitingFor();
            if (w != null && t.waitCodeNow() < Hooks.HANDOFF && matches(w, li)) return w;
        }
        return null;
    }

    private static boolean matches(Object key, LockInfo li) {
        if (System.identityHashCode(key) == li.getIdentityHashCode() && key.getClass().getName().equals(li.getClassName())) return true;
        Object sync = Keys.syncOf(key);
        return sync != null && System.identityHashCode(sync) == li.getIdentityHashCode();
    }

    private String jvmLockName(LockInfo li, Map<Long, ThreadState> byId) {
        Object k = knownKey(li, byId);
        if (k != null) return Names.lock(k);
        String n = li.getClassName().replaceAll("\\$(Nonfair|Fair)?Sync$", "");
        return n + "@" + Integer.toHexString(li.getIdentityHashCode());
    }

    private String jvmLockNode(CycleData d, LockInfo li, Map<Long, ThreadState> byId) {
        Object k = knownKey(li, byId);
        if (k != null) return d.lock(k);
        return d.lock((li.getClassName() + "@" + li.getIdentityHashCode()).intern(), jvmLockName(li, byId), null);
    }

    private String threadName(long id, Map<Long, ThreadState> byId) {
        ThreadState t = byId.get(id);
        if (t != null) return t.thread.getName();
        String n = jvmNames.get(id);
        return n == null ? "thread " + id : n;
    }

    static String allocationClass(Object key) {
        Sites.Site s = Names.allocation(key);
        return s == null ? null : s.className();
    }

    private static boolean holdsShared(ThreadState t) {
        for (int j = 0; j < t.heldCount && j < ThreadState.MAX_HELD; j++) {
            if (t.heldMode(j) == Hooks.READ || t.heldMode(j) == Hooks.STAMP_READ) return true;
        }
        return false;
    }

    /**
     * A trace step at a call site; a site without a line is named by its method (in the note, the
     * file its class's). Null when the site is unknown: such steps are left out, never "unknown:0".
     */
    static TraceStep step(int site, String note) {
        Sites.Site s = Sites.get(site);
        if (s == null) return null;
        return new TraceStep(s.path(), Math.max(0, s.line()), s.line() > 0 ? note : note + " (in " + s.frame() + ")");
    }

    /** A trace step at a stack frame ({@code pkg.Cls.m(File.java:12)}); null without one. */
    static TraceStep stepAt(String frame, String note) {
        if (frame == null) return null;
        dev.lockcheck.report.Location l = Reporter.location(List.of(frame), 0);
        return new TraceStep(l.file(), l.line(), l.line() > 0 ? note : note + " (in " + frame + ")");
    }
}
