package dev.lockcheck.agent;

import dev.lockcheck.agent.boot.ThreadState;
import dev.lockcheck.report.Finding;
import dev.lockcheck.report.ThreadSnapshot;
import dev.lockcheck.report.TraceStep;
import dev.lockcheck.rules.Severity;
import java.util.List;

/**
 * Shared shape of the two rules that fire on the asking thread, before it blocks (LC203, LC205):
 * the thread holds the lock and asks for it again in a mode it can never get.
 */
abstract class Immediate {
    private final Reporter reporter;
    private final HandoffDeadlock live;
    private final Options options;

    Immediate(Reporter reporter, HandoffDeadlock live, Options options) {
        this.reporter = reporter;
        this.live = live;
        this.options = options;
    }

    abstract String id();

    abstract String name();

    abstract String message(String lock, int heldMode, int askedMode);

    /** A one-thread cycle: the thread holds the lock and waits for it in the mode it asked for. */
    private static dev.lockcheck.report.Cycle cycle(ThreadState ts, Object key, int heldMode, int heldSite, int askedMode, int site) {
        CycleData d = new CycleData(false);
        String t = d.thread(ts, ts.thread.getName(), CycleData.at(site));
        String l = d.lock(key);
        d.holds(t, l, heldMode, heldSite);
        d.waitsFor(t, l, askedMode, site);
        return d.build();
    }

    void fire(ThreadState ts, int heldIndex, Object key, int askedMode, int site) {
        live.selfReported.put(ts, key);
        if (!options.includes(HandoffDeadlock.allocationClass(key))) return;
        int heldMode = ts.heldMode(heldIndex);
        int heldSite = ts.heldSite(heldIndex);
        String lock = Names.lock(key);
        List<String> stack = Reporter.stack(Thread.currentThread().getStackTrace());
        if (!stack.isEmpty() && stack.get(0).startsWith("java.lang.Thread.getStackTrace")) stack = stack.subList(1, stack.size());
        List<TraceStep> trace = Reporter.trace(
                HandoffDeadlock.step(heldSite, Names.mode(heldMode).describe() + " " + lock + " acquired"),
                HandoffDeadlock.step(site, Names.mode(askedMode).describe() + " asked for by the same thread"));
        ThreadSnapshot th = new ThreadSnapshot(ts.thread.getName(), ts.thread.getId(), "RUNNABLE", stack);
        String shortLock = Names.shortLock(key);
        boolean sharedTwice = heldMode == askedMode && (askedMode == dev.lockcheck.agent.boot.Hooks.STAMP_READ);
        String text = Reporter.banner(id(), name(), sharedTwice ? "the thread would wait for itself once a writer queues"
                : "the thread waits for itself")
                + "\"" + ts.thread.getName() + "\"\n----\n"
                + Names.op(heldMode, shortLock) + "        at " + Names.frame(heldSite) + "\n"
                + Names.op(askedMode, shortLock) + (sharedTwice ? " [blocks behind any queued writer]" : " [blocks forever]")
                + "  at " + Names.frame(site) + "\n"
                + (sharedTwice ? "\n *** POSSIBLE DEADLOCK ***\n\n" : "\n *** DEADLOCK ***\n\n");
        Finding f = new Finding(id(), Severity.ERROR, message(lock, heldMode, askedMode), Reporter.location(stack, site),
                lock, trace, List.of(th), Reporter.fingerprint(id(), Names.frame(heldSite), Names.frame(site)), null,
                cycle(ts, key, heldMode, heldSite, askedMode, site));
        reporter.report(f, text);
    }
}
