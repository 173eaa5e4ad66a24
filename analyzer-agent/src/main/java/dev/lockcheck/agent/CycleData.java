package dev.lockcheck.agent;

import dev.lockcheck.report.Cycle;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a finding's {@link Cycle} from what a detector knows: threads, locks and handoff objects
 * (each given an id once, by identity) and the edges holds / waits-for / completes between them.
 * The one place runtime detectors turn their state into the report's data (no detector formats
 * another's text).
 */
final class CycleData {
    private final boolean live;
    private final Map<Object, String> ids = new IdentityHashMap<>();
    private final List<Cycle.Node> threads = new ArrayList<>();
    private final List<Cycle.Node> locks = new ArrayList<>();
    private final List<Cycle.Node> handoffs = new ArrayList<>();
    private final Set<Cycle.Edge> edges = new LinkedHashSet<>();

    CycleData(boolean live) {
        this.live = live;
    }

    /** A thread node, keyed by {@code key} (the Thread, its id, or any stand-in); {@code at} where it stands. */
    String thread(Object key, String name, String at) {
        return ids.computeIfAbsent(key, k -> add(threads, "t", name, at));
    }

    /** A lock node: named by field or allocation site, its site the allocation place when known. */
    String lock(Object key) {
        return ids.computeIfAbsent(key, k -> {
            Sites.Site a = Names.allocation(k);
            return add(locks, "l", Names.lock(k), a == null ? null : a.shortPlace());
        });
    }

    /** A lock node for a lock the agent knows only by name (a JVM monitor or synchronizer). */
    String lock(Object key, String name, String site) {
        return ids.computeIfAbsent(key, k -> add(locks, "l", name, site));
    }

    /** A handoff node: named by the call waited in ({@code SynchronousQueue.put}) when known, else the object. */
    String handoff(Object h, int site) {
        return ids.computeIfAbsent(h, k -> {
            Sites.Site s = Sites.get(site);
            Sites.Site a = Names.allocation(k);
            String name = s != null && s.call() != null ? s.call() : Names.handoff(k);
            return add(handoffs, "h", name, a == null ? null : a.shortPlace());
        });
    }

    void holds(String thread, String lock, int mode, int site) {
        edges.add(new Cycle.Edge(thread, lock, Cycle.HOLDS, mode(mode), at(site), false));
    }

    void holds(String thread, String lock, String mode, String at) {
        edges.add(new Cycle.Edge(thread, lock, Cycle.HOLDS, mode, at, false));
    }

    void waitsFor(String thread, String lockOrHandoff, int mode, int site) {
        edges.add(new Cycle.Edge(thread, lockOrHandoff, Cycle.WAITS_FOR, mode < 0 ? null : mode(mode), at(site), false));
    }

    void waitsFor(String thread, String lockOrHandoff, String mode, String at, boolean inferred) {
        edges.add(new Cycle.Edge(thread, lockOrHandoff, Cycle.WAITS_FOR, mode, at, inferred));
    }

    void completes(String thread, String handoff, String at, boolean inferred) {
        edges.add(new Cycle.Edge(thread, handoff, Cycle.COMPLETES, null, at, inferred));
    }

    Cycle build() {
        return new Cycle(live, threads, locks, handoffs, List.copyOf(edges));
    }

    /** The report's mode words: read, write, exclusive, monitor, stamp-read, stamp-write. */
    static String mode(int m) {
        return Names.mode(m).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static String at(int site) {
        Sites.Site s = Sites.get(site);
        return s == null ? null : s.frame();
    }

    private static String add(List<Cycle.Node> into, String prefix, String name, String site) {
        String id = prefix + (into.size() + 1);
        into.add(new Cycle.Node(id, name, site));
        return id;
    }
}
