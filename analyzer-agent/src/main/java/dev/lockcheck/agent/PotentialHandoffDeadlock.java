package dev.lockcheck.agent;

import dev.lockcheck.agent.boot.Hooks;
import dev.lockcheck.agent.boot.ThreadState;
import dev.lockcheck.report.Finding;
import dev.lockcheck.report.ThreadSnapshot;
import dev.lockcheck.report.TraceStep;
import dev.lockcheck.rules.Severity;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LC202, exactly as rules.md words it: thread A holds read(L) across a handoff wait that thread B
 * completes; B took a first (non-reentrant) read hold on L after A acquired L and before that
 * completion; and L is write-acquired at some point in the run. Had a writer queued just before
 * B's read, nothing could move. Events arrive in logical-time order from the watchdog (the clock
 * ticks at every handoff; a lock acquisition carries the clock it saw); a handoff operation
 * is paired with every operation of the other side that is open on the same object when it begins
 * (the later of two partners always finds the earlier one still waiting).
 */
final class PotentialHandoffDeadlock {
    static final String ID = "LC202";

    private record Hold(Object key, int mode, int site, long time) {
    }

    private record Op(ThreadState ts, Object obj, int side, int site, long time, List<Hold> holds) {
    }

    private record Read(int site, long time) {
    }

    private record Candidate(Op a, Hold hold, Op b, Read read) {
    }

    private final Reporter reporter;
    private final Options options;
    private final Set<Object> written;
    private final Map<ThreadState, Map<Object, java.util.ArrayDeque<Read>>> firstReads = new IdentityHashMap<>();
    private final Map<ThreadState, List<Hold>> holdBuffer = new IdentityHashMap<>();
    private final Map<Object, List<Op>> open = new IdentityHashMap<>();
    /** Candidates waiting for their lock to be written; one per (lock, sites), so a long run stays bounded. */
    private final Map<List<Object>, Candidate> pending = new java.util.HashMap<>();

    PotentialHandoffDeadlock(Reporter reporter, Options options, Set<Object> written) {
        this.reporter = reporter;
        this.options = options;
        this.written = written;
    }

    void on(Event e) {
        switch (e.kind()) {
            case Hooks.EV_ACQ -> {
                if ((e.mode() == Hooks.READ || e.mode() == Hooks.STAMP_READ) && !e.reentrant()) {
                    // get/put, not computeIfAbsent with lambdas: the first drain (often the one at exit) links no lambda
                    Map<Object, java.util.ArrayDeque<Read>> byLock = firstReads.get(e.thread());
                    if (byLock == null) firstReads.put(e.thread(), byLock = new IdentityHashMap<>());
                    java.util.ArrayDeque<Read> reads = byLock.get(e.obj());
                    if (reads == null) byLock.put(e.obj(), reads = new java.util.ArrayDeque<>());
                    if (reads.size() == 8) reads.removeFirst();
                    reads.addLast(new Read(e.site(), e.time()));
                }
            }
            case Hooks.EV_HOLD -> {
                List<Hold> holds = holdBuffer.get(e.thread());
                if (holds == null) holdBuffer.put(e.thread(), holds = new ArrayList<>());
                holds.add(new Hold(e.obj(), e.mode(), e.site(), e.aux()));
            }
            case Hooks.EV_HBEGIN, Hooks.EV_HOP -> {
                List<Hold> holds = holdBuffer.remove(e.thread());
                Op op = new Op(e.thread(), e.obj(), e.mode(), e.site(), e.time(), holds == null ? List.of() : holds);
                List<Op> others = open.get(e.obj());
                if (others != null) {
                    for (Op o : others) {
                        if (o.ts() == op.ts() || !partners(o.side(), op.side())) continue;
                        check(o, op, e.time());
                        check(op, o, e.time());
                    }
                }
                if (e.kind() == Hooks.EV_HBEGIN) {
                    if (others == null) open.put(e.obj(), others = new ArrayList<>());
                    others.add(op);
                }
            }
            case Hooks.EV_HEND -> {
                List<Op> ops = open.get(e.obj());
                if (ops != null) {
                    for (Iterator<Op> it = ops.iterator(); it.hasNext(); ) if (it.next().ts() == e.thread()) it.remove();
                    if (ops.isEmpty()) open.remove(e.obj());
                }
            }
            default -> {
            }
        }
    }

    private static boolean partners(int s1, int s2) {
        return (s1 == Hooks.PRODUCE && s2 == Hooks.CONSUME) || (s1 == Hooks.CONSUME && s2 == Hooks.PRODUCE)
                || (s1 == Hooks.SYMMETRIC && s2 == Hooks.SYMMETRIC);
    }

    /** a holds a read across its wait, b completes it at time t. */
    private void check(Op a, Op b, long t) {
        Map<Object, java.util.ArrayDeque<Read>> reads = firstReads.get(b.ts());
        if (reads == null) return;
        for (Hold h : a.holds()) {
            java.util.ArrayDeque<Read> rs = reads.get(h.key());
            if (rs == null) continue;
            for (Read r : rs) {
                if (r.time() > h.time() && r.time() < t) {
                    pending.putIfAbsent(List.of(System.identityHashCode(h.key()), h.site(), a.site(), r.site(), b.site()),
                            new Candidate(a, h, b, r));
                    break;
                }
            }
        }
    }

    /** After each drain and at exit: report the candidates whose lock has been written by now. */
    void flush() {
        // loops, not removeIf with lambdas: see on()
        for (Iterator<ThreadState> it = firstReads.keySet().iterator(); it.hasNext(); ) if (!it.next().thread.isAlive()) it.remove();
        for (Iterator<ThreadState> it = holdBuffer.keySet().iterator(); it.hasNext(); ) if (!it.next().thread.isAlive()) it.remove();
        for (Iterator<List<Op>> it = open.values().iterator(); it.hasNext(); ) {
            List<Op> ops = it.next();
            for (Iterator<Op> o = ops.iterator(); o.hasNext(); ) if (!o.next().ts().thread.isAlive()) o.remove();
            if (ops.isEmpty()) it.remove();
        }
        for (Iterator<Candidate> it = pending.values().iterator(); it.hasNext(); ) {
            Candidate c = it.next();
            if (!written.contains(c.hold().key())) continue;
            it.remove();
            report(c);
        }
    }

    private void report(Candidate c) {
        Object key = c.hold().key();
        if (!options.includes(HandoffDeadlock.allocationClass(key))) return;
        String a = c.a().ts().thread.getName();
        String b = c.b().ts().thread.getName();
        String lock = Names.lock(key);
        String shortLock = Names.shortLock(key);
        String mode = Names.mode(c.hold().mode()).describe();
        String msg = mode + " " + lock + " held by " + a + " across a handoff that " + b + " completes, and " + b
                + " read-locks it first in between: a writer queued before that read would deadlock all three"
                + " (release the " + mode + " before the handoff)";
        List<TraceStep> trace = Reporter.trace(
                HandoffDeadlock.step(c.hold().site(), a + " took " + mode + " " + lock),
                HandoffDeadlock.step(c.read().site(), b + " took its first " + mode + " of it (would block behind a queued writer)"),
                HandoffDeadlock.step(c.b().site(), b + " completes the handoff"),
                HandoffDeadlock.step(c.a().site(), a + " waits in the handoff, still holding the " + mode));
        List<ThreadSnapshot> threads = List.of(
                thread(c.a().ts(), c.a().site(), c.hold().site()),
                thread(c.b().ts(), c.b().site(), c.read().site()));
        String text = Reporter.banner(ID, "PotentialHandoffDeadlock", "read lock held across a handoff to a reader of it")
                + String.format("%-36s %-36s%n", "\"" + a + "\"", "\"" + b + "\"")
                + String.format("%-36s %-36s%n", "----", "----")
                + String.format("%-36s%n", Names.op(c.hold().mode(), shortLock))
                + String.format("%-36s %-36s%n", "", Names.op(c.hold().mode(), shortLock) + " (first)")
                + String.format("%-36s %-36s%n", "", "         <- lock(" + shortLock + ".write) [pending] here hangs")
                + String.format("%-36s %-36s%n", "sync(handoff) [waits]", "sync(handoff) [completes]")
                + "  " + a + ": " + Names.frame(c.hold().site()) + " / " + Names.frame(c.a().site()) + "\n"
                + "  " + b + ": " + Names.frame(c.read().site()) + " / " + Names.frame(c.b().site()) + "\n"
                + "\n *** POSSIBLE DEADLOCK ***\n\n";
        Finding f = new Finding(ID, Severity.ERROR, msg, Reporter.location(List.of(), c.a().site()), lock, trace, threads,
                Reporter.fingerprint(ID, Names.frame(c.hold().site()), Names.frame(c.a().site()),
                        Names.frame(c.read().site())), null, cycleData(c));
        reporter.report(f, text);
    }

    /**
     * A holds the read lock and waits in the handoff, B completes it and read-locks first; the
     * writer whose arrival would close the cycle is a hypothetical thread (its edge is inferred).
     */
    private static dev.lockcheck.report.Cycle cycleData(Candidate c) {
        CycleData d = new CycleData(false);
        Object key = c.hold().key();
        String a = d.thread(c.a().ts(), c.a().ts().thread.getName(), CycleData.at(c.a().site()));
        String b = d.thread(c.b().ts(), c.b().ts().thread.getName(), CycleData.at(c.read().site()));
        String w = d.thread(new Object(), "a writer", null);
        String l = d.lock(key);
        String h = d.handoff(c.a().obj() == null ? new Object() : c.a().obj(), c.a().site());
        d.holds(a, l, c.hold().mode(), c.hold().site());
        d.waitsFor(a, h, -1, c.a().site());
        d.completes(b, h, CycleData.at(c.b().site()), false);
        d.waitsFor(b, l, c.hold().mode(), c.read().site());
        int writeMode = c.hold().mode() == Hooks.STAMP_READ ? Hooks.STAMP_WRITE : Hooks.WRITE;
        d.waitsFor(w, l, CycleData.mode(writeMode), null, true);
        return d.build();
    }

    private static ThreadSnapshot thread(ThreadState ts, int waitSite, int lockSite) {
        List<String> stack = new ArrayList<>();
        stack.add(Names.frame(waitSite));
        stack.add(Names.frame(lockSite));
        return new ThreadSnapshot(ts.thread.getName(), ts.thread.getId(), ts.thread.getState().name(), stack);
    }
}
