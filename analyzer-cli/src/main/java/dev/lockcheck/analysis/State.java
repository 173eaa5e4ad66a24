package dev.lockcheck.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The flow state at a point of a body: the locks certainly held (a must-analysis: branches join
 * by intersection, so a finding never rests on a path that might not hold the lock) and the
 * variables bound to a lock result (a StampedLock stamp, a {@code tryLock()} boolean). Immutable.
 * A {@code null} State means the point is unreachable.
 */
final class State {
    /**
     * A variable bound to an acquisition: {@code long s = sl.readLock()} (held) or
     * {@code boolean ok = l.tryLock()} / {@code long s = sl.tryWriteLock()} (pending: held only
     * where the variable tests true / non-zero).
     */
    record Binding(Held held, boolean pending) {
    }

    static final State EMPTY = new State(List.of(), Map.of(), java.util.Set.of());

    final List<Held> held;
    final Map<String, Binding> vars;
    /**
     * Locks (and modes) this thread is known not to hold here: the branch of a test of the lock's
     * own hold count ({@code if (rw.getReadHoldCount() > 0) return ...;}). An acquisition made
     * under such a fact happens only for callers that do not hold the lock.
     */
    final java.util.Set<LockRef> notHeld;

    private State(List<Held> held, Map<String, Binding> vars, java.util.Set<LockRef> notHeld) {
        this.held = held;
        this.vars = vars;
        this.notHeld = notHeld;
    }

    /** This state where the thread is known not to hold {@code ref}. */
    State knownNotHeld(LockRef ref) {
        if (notHeld.contains(ref)) return this;
        java.util.Set<LockRef> n = new java.util.HashSet<>(notHeld);
        n.add(ref);
        return new State(held, vars, java.util.Set.copyOf(n));
    }

    State acquire(Held h) {
        List<Held> n = new ArrayList<>(held.size() + 1);
        n.addAll(held);
        n.add(h);
        java.util.Set<LockRef> nh = notHeld;
        if (!nh.isEmpty()) {
            nh = new java.util.HashSet<>(nh);
            nh.removeIf(r -> r.id().equals(h.ref().id()));
            nh = java.util.Set.copyOf(nh);
        }
        return new State(List.copyOf(n), vars, nh);
    }

    /** Removes the most recent hold of {@code ref} (any mode of its lock when {@code anyMode}); null if none was held. */
    State release(LockRef ref, boolean anyMode) {
        for (int i = held.size() - 1; i >= 0; i--) {
            Held h = held.get(i);
            if (h.ref().id().equals(ref.id()) && (anyMode || h.ref().mode() == ref.mode())) {
                List<Held> n = new ArrayList<>(held);
                n.remove(i);
                return new State(List.copyOf(n), vars, notHeld);
            }
        }
        return null;
    }

    /** Drops every monitor hold: no monitor outlives its synchronized block or method. */
    State withoutMonitors() {
        List<Held> n = new ArrayList<>();
        for (Held h : held) if (h.ref().mode() != dev.lockcheck.model.LockMode.MONITOR) n.add(h);
        return n.size() == held.size() ? this : new State(List.copyOf(n), vars, notHeld);
    }

    /** Drops every hold of these locks (a callee released them). */
    State releaseAll(java.util.Set<LockId> ids) {
        if (ids.isEmpty()) return this;
        List<Held> n = new ArrayList<>();
        for (Held h : held) if (!ids.contains(h.ref().id())) n.add(h);
        return n.size() == held.size() ? this : new State(List.copyOf(n), vars, notHeld);
    }

    State bind(String var, Binding b) {
        Map<String, Binding> n = new HashMap<>(vars);
        if (b == null) n.remove(var);
        else n.put(var, b);
        return new State(held, Map.copyOf(n), notHeld);
    }

    boolean holds(LockRef ref) {
        for (Held h : held) if (h.ref().equals(ref)) return true;
        return false;
    }

    boolean holdsAny(LockId id) {
        for (Held h : held) if (h.ref().id().equals(id)) return true;
        return false;
    }

    /** Must-join: what both paths hold (as a multiset by lock and mode); bindings both paths agree on. */
    static State join(State a, State b) {
        if (a == null) return b;
        if (b == null) return a;
        if (a == b) return a;
        List<Held> rest = new ArrayList<>(b.held);
        List<Held> out = new ArrayList<>();
        for (Held h : a.held) {
            for (int i = 0; i < rest.size(); i++) {
                if (rest.get(i).ref().equals(h.ref())) {
                    out.add(h);
                    rest.remove(i);
                    break;
                }
            }
        }
        Map<String, Binding> vars = new HashMap<>();
        for (Map.Entry<String, Binding> e : a.vars.entrySet()) {
            Binding other = b.vars.get(e.getKey());
            if (other != null && other.held().ref().equals(e.getValue().held().ref())) {
                vars.put(e.getKey(), new Binding(e.getValue().held(), e.getValue().pending() || other.pending()));
            }
        }
        java.util.Set<LockRef> nh = new java.util.HashSet<>(a.notHeld);
        nh.retainAll(b.notHeld);
        return new State(List.copyOf(out), Map.copyOf(vars), java.util.Set.copyOf(nh));
    }

    static State joinAll(List<State> states) {
        State s = null;
        for (State x : states) s = join(s, x);
        return s;
    }

}
