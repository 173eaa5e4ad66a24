package dev.lockcheck.agent;

import dev.lockcheck.agent.boot.Hooks;
import dev.lockcheck.agent.boot.ThreadState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The off-hot-path half of the tracker: a daemon thread that, every {@code interval}, drains the
 * threads' event rings, feeds the predictive detectors in time order, and looks for live cycles.
 * Also runs once more at exit.
 */
final class Watchdog implements Runnable {
    private static final boolean DEBUG = Boolean.getBoolean("lockcheck.debug");

    private final Options options;
    private final Reporter reporter;
    final HandoffDeadlock live;
    private final PotentialHandoffDeadlock potential;
    private final LockOrderInversion order;
    private final TryLockStorm storm;
    private final Set<Object> written = Collections.newSetFromMap(new WeakHashMap<>());
    private final Map<ThreadState.Log, Long> drained = new IdentityHashMap<>();
    private final List<Event> pending = new ArrayList<>();
    private volatile boolean stopped;

    Watchdog(Options options, Reporter reporter) {
        this.options = options;
        this.reporter = reporter;
        this.live = new HandoffDeadlock(reporter, options);
        this.potential = new PotentialHandoffDeadlock(reporter, options, written);
        this.order = new LockOrderInversion(reporter, options, written);
        this.storm = new TryLockStorm(reporter, options);
    }

    @Override
    public void run() {
        Hooks.markInternal();
        while (!stopped) {
            try {
                Thread.sleep(options.intervalMs());
            } catch (InterruptedException e) {
                return;
            }
            if (stopped) return; // the last look belongs to the exit path
            try {
                boolean halt;
                synchronized (this) {
                    step(false);
                    halt = live.scan();
                }
                if (halt) AgentMain.halt(reporter);
            } catch (Throwable t) {
                AgentMain.stepAside(t);
                return;
            }
        }
    }

    /** Drains everything (at exit: also the last few milliseconds) and runs the predictive detectors. */
    synchronized void step(boolean all) {
        drain(all);
        potential.flush();
        order.flush();
        storm.scan();
    }

    /** Moves one ring's new events to {@link #pending} (those overwritten before this drain are lost). */
    private void drain(ThreadState ts, ThreadState.Log log) {
        long head = log.head;
        ThreadState.Ring r = log.ring; // read after head: holds every event before it
        long from = drained.getOrDefault(log, 0L);
        if (head - from > r.size()) from = head - r.size();
        List<Event> got = new ArrayList<>();
        for (long i = from; i < head; i++) {
            int s = (int) i & r.mask;
            got.add(Event.decode(ts, r.evCode[s], r.evObj[s], r.evObj2[s], r.evObj3[s], r.evSite[s], r.evTime[s], r.evAux[s]));
        }
        long after = log.head;
        int overwritten = (int) Math.max(0, (after - r.size()) - from);
        pending.addAll(got.subList(Math.min(overwritten, got.size()), got.size()));
        drained.put(log, head);
        log.drained = head;
    }

    /**
     * Time order, a tick first among equal times. A class, not Comparator.comparingLong(..).thenComparingInt(..):
     * that chain links four lambdas at the first drain, which in a short run is the one at exit.
     */
    private static final Comparator<Event> BY_TIME = new Comparator<Event>() {
        @Override
        public int compare(Event a, Event b) {
            int c = Long.compare(a.time(), b.time());
            return c != 0 ? c : Integer.compare(ticks(a) ? 0 : 1, ticks(b) ? 0 : 1);
        }
    };

    private static boolean ticks(Event e) {
        return e.kind() == Hooks.EV_HBEGIN || e.kind() == Hooks.EV_HOP || e.kind() == Hooks.EV_HOLD;
    }

    /**
     * The last look, when the JVM is going away (shutdown hook, or the application's Runtime.halt):
     * everything drained, and a live deadlock the previous look already saw is reported now, so the
     * report written next holds it (the application's own exit must not win the race to the file).
     */
    synchronized void last() {
        step(true);
        live.scan();
        if (!live.waitsSeen()) return; // a second look could only see waits for the first time: none could count
        try {
            Thread.sleep(50); // a second look: waits unchanged since the first (or the watchdog's last) count
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        live.scan();
    }

    void stop() {
        stopped = true;
    }

    private void drain(boolean all) {
        long cutoff = all ? Long.MAX_VALUE : Hooks.tick();
        for (ThreadState ts : Hooks.threads()) {
            drain(ts, ts.hand);
            drain(ts, ts.order);
        }
        Hooks.forget(new java.util.function.Predicate<ThreadState>() { // a class, not a lambda: the first drain is often at exit
            @Override
            public boolean test(ThreadState ts) {
                return ts.hand.head == drained.getOrDefault(ts.hand, -1L) && ts.order.head == drained.getOrDefault(ts.order, -1L);
            }
        });
        java.util.Set<ThreadState.Log> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ThreadState ts : Hooks.threads()) {
            kept.add(ts.hand);
            kept.add(ts.order);
        }
        drained.keySet().retainAll(kept);
        // a tick (handoff begin or operation) with value v precedes every event that read the clock as v
        pending.sort(BY_TIME);
        int n = 0;
        while (n < pending.size() && pending.get(n).time() < cutoff) n++;
        List<Event> ready = new ArrayList<>(pending.subList(0, n));
        pending.subList(0, n).clear();
        for (Event e : ready) {
            if (DEBUG) System.err.println("lockcheck event: " + e.thread().thread.getName() + " kind=" + e.kind() + " mode="
                    + e.mode() + " obj=" + Names.type(e.obj()) + "@" + System.identityHashCode(e.obj()) + " site="
                    + Names.frame(e.site()) + " t=" + e.time() + " aux=" + e.aux());
            if (e.kind() == Hooks.EV_ACQ && (e.mode() == Hooks.WRITE || e.mode() == Hooks.STAMP_WRITE)) written.add(e.obj());
            live.on(e);
            potential.on(e);
            order.on(e);
        }
    }
}
