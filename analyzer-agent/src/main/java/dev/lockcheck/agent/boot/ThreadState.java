package dev.lockcheck.agent.boot;

/**
 * One thread's tracker state: the locks it holds, what it waits for right now, and two rings of
 * recent events the watchdog drains (handoffs apart from lock order, so acquisitions cannot push a
 * handoff out). Allocated once per thread; the hooks only write its fields and array slots.
 * Fields are read racily by the watchdog, which only trusts a wait seen unchanged in two scans.
 */
public final class ThreadState {
    public static final int MAX_HELD = 64;
    /** Most events a thread keeps between two drains of the watchdog. */
    public static final int RING = 2048;
    /**
     * Slots of each of a new thread's two rings: a thread that writes more between two drains doubles
     * a ring (up to {@link #RING}) before it would overwrite an event not drained yet; rings never shrink.
     */
    public static final int FIRST_RING = 64;

    public final Thread thread;
    /** Agent threads (watchdog, report writer) are never tracked; such a thread's {@link #busy} stays set too. */
    public boolean internal;
    /**
     * Re-entry guard: set while the tracker runs on this thread, and for good on an agent thread
     * ({@link #internal}), so the hooks' fast paths test one field for both.
     */
    public boolean busy;

    /**
     * The held stack, entries [0, {@link #heldCount}), innermost last: each entry a lock's key, mode,
     * call site, reentrancy depth and, for a read, the clock it was taken at (EV_HOLD, the read
     * table; not kept for other modes). Slot heldCount also describes a lock wait ({@link #AT_SLOT}).
     * Slots at and above heldCount keep the key last held there (a lock taken again at the same
     * depth is not stored again, see {@link #waitObj}): up to MAX_HELD stale references per live
     * thread. Read it through {@link #heldKey(int)} and its siblings.
     * <p>
     * Slot 0, where a thread that holds one lock keeps it, is five plain fields: the single-lock
     * hooks touch the state's own lines, not one line of each of five arrays besides (cost8's
     * ablation: about 15 % of an uncontended pair). Slots 1 and up are the arrays ({@code [0]}
     * unused). Hooks writes the fields and arrays directly; everything else reads through the
     * accessors, which pick the field or the array by index.
     */
    Object key0;
    int mode0;
    int site0;
    int depth0;
    long time0;
    /** Slots 1 to MAX_HELD - 1 of the held stack (see {@link #key0}); index 0 is not used. */
    final Object[] keyN = new Object[MAX_HELD];
    final int[] modeN = new int[MAX_HELD];
    final int[] siteN = new int[MAX_HELD];
    final int[] depthN = new int[MAX_HELD];
    final long[] timeN = new long[MAX_HELD];
    public int heldCount;
    /** Acquisitions that did not fit in the held stack: their releases are ignored. */
    public int overflow;

    /**
     * Monitors of the synchronized methods this thread is in, innermost last: their exits (normal or
     * by exception) pop them, so the exit hook needs no local variable of the method.
     */
    public final Object[] syncObj = new Object[MAX_HELD];
    public int syncDepth;
    /** Synchronized-method entries beyond {@link #syncObj}: their exits only count down. */
    public int syncOverflow;

    /**
     * {@link #waitCode} of a lock wait whose lock, mode and site are the held stack's next slot
     * ({@link #heldKey(int) heldKey}, heldMode, heldSite of heldCount: slot 0's fields while the
     * thread holds nothing): the hook writes that slot before the acquisition, where the acquisition
     * would put its entry anyway, so a lock wait costs no stores of its own when the same lock is
     * taken at the same depth and site again.
     */
    public static final int AT_SLOT = -1;
    /**
     * What the thread last waited for when the wait is not {@link #AT_SLOT} (a handoff object, or a
     * lock past the held stack's end). Kept after the wait ends, so a thread that waits for the same
     * object again does not store it again: a reference store into an old object costs G1's write
     * barrier (a StoreLoad fence) when the card is clean. Read it through {@link #waitingFor()}.
     */
    public Object waitObj;
    /** Lock wait: {@link #AT_SLOT} or the mode; handoff wait: Hooks.SIDE_* + 16. Read it through {@link #waitCodeNow()}. */
    public int waitCode;
    /** Read it through {@link #waitSiteNow()}. */
    public int waitSite;
    /**
     * Odd while the thread waits (or is about to block): each wait start moves it to a new odd
     * value, its end to the next even one, so a wait seen with the same sequence twice has not
     * moved. The wait fields are plain (a volatile write costs a fence per lock); the watchdog reads
     * them racily and trusts only what stays unchanged over a whole interval.
     */
    public long waitSeq;
    /** The handoff wait has a timeout: it ends by itself, so its completer is never inferred. */
    public boolean waitTimed;

    /** The FutureTask this thread is running, if any (its runner ends the waits on it). */
    public volatile Object runningTask;

    /**
     * Lock-order edges, write marks and reads pushed out of {@link #rdKey}: the events a flood of
     * acquisitions (many lock instances) can produce.
     */
    public final Log order = new Log(FIRST_RING);
    /**
     * Handoff events (begin, end, operation), the read holds a handoff begins with and the thread's
     * reads since its last handoff event (at most {@link #READS} per handoff event): at most a few
     * events per handoff, so no number of lock acquisitions can push one out of it before a drain.
     */
    public final Log hand = new Log(FIRST_RING);

    /** One event log: a ring the watchdog drains, and how far it has. */
    public static final class Log {
        /**
         * The ring. Replaced (never changed in size) when it grows: the watchdog reads {@link #head}
         * first, then this field, so the ring it sees holds every event before that head it has not
         * been told was overwritten.
         */
        public Ring ring;
        /** Events written so far; published with release semantics after the slot is filled. */
        public volatile long head;
        /** Events the watchdog has drained (its last head): the ring grows rather than overwrite the rest. */
        public volatile long drained;

        Log(int size) {
            ring = new Ring(size);
        }

        /** The ring is full of events not drained yet: twice as many slots, holding the same events. */
        Ring grow(long head) {
            Ring old = ring;
            Ring r = new Ring(old.size() * 2);
            for (long h = Math.max(0, head - old.size()); h < head; h++) {
                int from = (int) h & old.mask, to = (int) h & r.mask;
                r.evObj[to] = old.evObj[from];
                r.evObj2[to] = old.evObj2[from];
                r.evObj3[to] = old.evObj3[from];
                r.evCode[to] = old.evCode[from];
                r.evSite[to] = old.evSite[from];
                r.evTime[to] = old.evTime[from];
                r.evAux[to] = old.evAux[from];
            }
            ring = r;
            return r;
        }
    }

    /** One ring of events; slot of event number h: {@code h & mask}. */
    public static final class Ring {
        public final int mask;
        public final Object[] evObj;
        public final Object[] evObj2;
        public final Object[] evObj3;
        public final int[] evCode;
        public final int[] evSite;
        public final long[] evTime;
        /** Second time of an event: for EV_HOLD, when the held lock was acquired. */
        public final long[] evAux;

        Ring(int size) {
            mask = size - 1;
            evObj = new Object[size];
            evObj2 = new Object[size];
            evObj3 = new Object[size];
            evCode = new int[size];
            evSite = new int[size];
            evTime = new long[size];
            evAux = new long[size];
        }

        public int size() {
            return mask + 1;
        }
    }

    /**
     * The thread's first (not reentrant) read acquisitions since its last handoff event, one per
     * call site (slot: site mod READS): lock key, site, mode and the last clock value it read the
     * lock at. A handoff begin or operation logs the entries read again since the last one (bit i
     * of {@link #rdDirty}) into {@link #hand}, then clears the bits; an entry another (lock, site)
     * needs is logged into {@link #order} first. LC202 asks for a read of B between A's acquisition
     * and B's completion: B's last read of the lock before the completion is such a read if any is,
     * so repeated reads at one site between two handoff events of the thread are one event.
     */
    public static final int READS = 8;
    public final Object[] rdKey = new Object[READS];
    public final int[] rdSite = new int[READS];
    public final int[] rdMode = new int[READS];
    public final long[] rdTime = new long[READS];
    public int rdDirty;

    /**
     * Locks this thread has logged a write acquisition of, one per call site (slot: site mod
     * WRITES): the watchdog only needs to learn once that a lock is written.
     */
    public static final int WRITES = 8;
    public final Object[] wrKey = new Object[WRITES];

    /**
     * The last {@link #EDGES} lock-order edges this thread logged (to, from, gate, modes): a repeat
     * adds nothing to LockOrderInversion (it keeps an edge's first site and thread and only widens
     * modes and gates), so it is not logged again. References are compared, never hashed (hashing
     * a held monitor would inflate it).
     */
    public static final int EDGES = 8;
    private final Object[] edgeTo = new Object[EDGES];
    private final Object[] edgeFrom = new Object[EDGES];
    private final Object[] edgeGate = new Object[EDGES];
    private final int[] edgeModes = new int[EDGES];
    private int edgeNext;

    /** True when this edge is among the last logged; else remembers it (oldest out) and returns false. */
    public boolean seenEdge(Object to, Object from, Object gate, int modes) {
        for (int k = 0; k < EDGES; k++) {
            if (edgeTo[k] == to && edgeFrom[k] == from && edgeGate[k] == gate && edgeModes[k] == modes) return true;
        }
        int k = edgeNext++ & (EDGES - 1);
        edgeTo[k] = to;
        edgeFrom[k] = from;
        edgeGate[k] = gate;
        edgeModes[k] = modes;
        return false;
    }

    /**
     * In front of {@link #seenEdge}: for each depth n below {@link #EDGE_DEPTH}, the last acquisition
     * taken there whose order edges were all logged (or found among the last logged): its lock and
     * mode, and the key and mode of each held entry below it then (index n * EDGE_DEPTH + j; depth 1,
     * the common case, in fields). A
     * thread that nests the same locks again (a monitor inside a lock, two levels of them) finds the
     * same held entries below the same lock: its edges are the same edges, so none is looked up
     * (seenEdge's scan of its last eight, for each held entry, was most of a nested acquisition's
     * cost). A repeat adds nothing to LockOrderInversion (same thread, same modes and gate), so
     * skipping it loses nothing however long ago the edge was logged.
     */
    public static final int EDGE_DEPTH = 4;

    /**
     * The memo's own object, its one reference declared last: the state's other fields keep the
     * offsets they had without it (an int among them moved every hot field by 4 bytes).
     */
    static final class Edges {
        final Object[] to = new Object[EDGE_DEPTH];
        final int[] mode = new int[EDGE_DEPTH];
        final Object[] belowKey = new Object[EDGE_DEPTH * EDGE_DEPTH];
        final int[] belowMode = new int[EDGE_DEPTH * EDGE_DEPTH];
        /** Depth 1, the common nesting (one lock held), in fields: the lock, slot 0's key, both modes (taken | slot 0's &lt;&lt; 8). */
        Object to1;
        Object below1;
        int modes1;
    }

    /**
     * True when taking key in mode at depth n (the held entries [0, n) below it) adds no order edge
     * the thread has not logged: the last acquisition at that depth {@link #edgesLogged remembered}
     * was this one, above the same entries.
     */
    public boolean edgesKnown(int n, Object key, int mode) {
        Edges e = edges;
        if (n == 1) return e.to1 == key && e.below1 == key0 && e.modes1 == (mode | mode0 << 8);
        if (n >= EDGE_DEPTH || e.to[n] != key || e.mode[n] != mode) return false;
        int k = n * EDGE_DEPTH;
        if (e.belowKey[k] != key0 || e.belowMode[k] != mode0) return false;
        for (int j = 1; j < n; j++) {
            if (e.belowKey[k + j] != keyN[j] || e.belowMode[k + j] != modeN[j]) return false;
        }
        return true;
    }

    /** Every edge of taking key in mode above the n held entries is logged: remembered for {@link #edgesKnown}. */
    public void edgesLogged(int n, Object key, int mode) {
        Edges e = edges;
        if (n == 1) {
            e.to1 = key;
            e.below1 = key0;
            e.modes1 = mode | mode0 << 8;
            return;
        }
        if (n >= EDGE_DEPTH) return;
        int k = n * EDGE_DEPTH;
        e.belowKey[k] = key0;
        e.belowMode[k] = mode0;
        for (int j = 1; j < n; j++) {
            e.belowKey[k + j] = keyN[j];
            e.belowMode[k + j] = modeN[j];
        }
        e.to[n] = key;
        e.mode[n] = mode;
    }

    public Object stormKey;
    public int stormSite;
    public long stormStart;
    public int stormCount;
    /** Set by the hot path when a storm crossed the threshold; cleared by the watchdog. */
    public volatile int stormHit;
    public volatile int stormHitCount;

    /** See {@link #EDGE_DEPTH}; declared last (see {@link Edges}). */
    private final Edges edges = new Edges();

    public ThreadState(Thread thread) {
        this.thread = thread;
    }

    /** Key of held-stack slot i, i in [0, MAX_HELD): an entry's while i is below heldCount. */
    public Object heldKey(int i) {
        return i == 0 ? key0 : keyN[i];
    }

    /** Mode of held-stack slot i. */
    public int heldMode(int i) {
        return i == 0 ? mode0 : modeN[i];
    }

    /** Call site of held-stack slot i. */
    public int heldSite(int i) {
        return i == 0 ? site0 : siteN[i];
    }

    /** Reentrancy depth of held-stack slot i. */
    public int heldDepth(int i) {
        return i == 0 ? depth0 : depthN[i];
    }

    /** Acquisition clock of held-stack slot i (a read entry's; not kept for other modes). */
    public long heldTime(int i) {
        return i == 0 ? time0 : timeN[i];
    }

    /** Adds d to the depth of held entry i and returns the new depth. */
    int addDepth(int i, int d) {
        if (i == 0) return depth0 += d;
        return depthN[i] += d;
    }

    /**
     * Drops held entry i: the entries above it move down one slot, the count goes down by one. The
     * slot at the new count keeps the key of the old top entry (see {@link #key0}).
     */
    void drop(int i) {
        int n = heldCount - 1;
        int j = i;
        if (j == 0 && n > 0) {
            key0 = keyN[1];
            mode0 = modeN[1];
            site0 = siteN[1];
            depth0 = depthN[1];
            time0 = timeN[1];
            j = 1;
        }
        for (; j < n; j++) {
            keyN[j] = keyN[j + 1];
            modeN[j] = modeN[j + 1];
            siteN[j] = siteN[j + 1];
            depthN[j] = depthN[j + 1];
            timeN[j] = timeN[j + 1];
        }
        heldCount = n;
    }

    /** What the thread is blocked on (a lock key or a handoff object), null when running. */
    public Object waitingFor() {
        if ((waitSeq & 1) == 0) return null;
        if (waitCode != AT_SLOT) return waitObj;
        int n = heldCount;
        return n >= 0 && n < MAX_HELD ? heldKey(n) : null;
    }

    /** The current wait's mode (lock) or side + 16 (handoff); meaningful while {@link #waitingFor()} is not null. */
    public int waitCodeNow() {
        int c = waitCode;
        if (c != AT_SLOT) return c;
        int n = heldCount;
        return n >= 0 && n < MAX_HELD ? heldMode(n) : 0;
    }

    /** The current wait's site; meaningful while {@link #waitingFor()} is not null. */
    public int waitSiteNow() {
        if (waitCode != AT_SLOT) return waitSite;
        int n = heldCount;
        return n >= 0 && n < MAX_HELD ? heldSite(n) : 0;
    }

    /** Index of the topmost held entry for key and mode, or -1. */
    public int find(Object key, int mode) {
        int n = heldCount;
        for (int i = n - 1; i >= 1; i--) {
            if (keyN[i] == key && modeN[i] == mode) return i;
        }
        return n > 0 && key0 == key && mode0 == mode ? 0 : -1;
    }

    /** Index of the topmost held entry for key in any mode, or -1. */
    public int findAny(Object key) {
        int n = heldCount;
        for (int i = n - 1; i >= 1; i--) {
            if (keyN[i] == key) return i;
        }
        return n > 0 && key0 == key ? 0 : -1;
    }
}
