package dev.lockcheck.agent.boot;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Exchanger;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TransferQueue;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;

/**
 * The hot path. Application call sites of lock and handoff methods are redirected here (one static
 * wrapper per method: same arguments, plus the call site id), so no JDK class changes shape. Each
 * wrapper records into the calling thread's {@link ThreadState} (array writes, no allocation, no
 * j.u.c lock), calls the real method, records again. Tracker failures never reach the application:
 * they are handed to the sink once and the tracker turns itself off. Loaded by the bootstrap class
 * loader so every class loader's code can call it.
 */
public final class Hooks {
    // modes: the ordinals of dev.lockcheck.model.LockMode
    public static final int READ = 0, WRITE = 1, EXCLUSIVE = 2, STAMP_READ = 3, STAMP_WRITE = 4, MONITOR = 5;
    // handoff sides: who ends whose wait
    public static final int PRODUCE = 1, CONSUME = 2, SYMMETRIC = 3, JOIN = 4;
    // event kinds (low 4 bits of the code); mode or side in bits 4..7, second mode in bits 8..11
    public static final int EV_ACQ = 1, EV_HOLD = 2, EV_HBEGIN = 3, EV_HEND = 4, EV_HOP = 5, EV_EDGE = 6;
    public static final int REENTRANT = 1 << 12;
    /** waitCode of a handoff wait is side + HANDOFF. */
    public static final int HANDOFF = 16;

    /** Set by the agent once everything is in place; cleared when the tracker fails. */
    public static volatile boolean on;
    public static volatile Sink sink;
    /** tryLock failures per second at one call site that make a storm (LC206). */
    public static volatile int stormThreshold = 1000;

    /** An anonymous subclass, not withInitial(Hooks::register): no lambda to link on the application's first hook. */
    private static final ThreadLocal<ThreadState> STATE = new ThreadLocal<>() {
        @Override
        protected ThreadState initialValue() {
            return register();
        }
    };
    /**
     * A direct-mapped cache in front of {@link #STATE}, slot = thread id mod size: one array load
     * and a check that the slot holds the current thread's state, instead of a ThreadLocal lookup
     * (which the application's own ThreadLocals, such as ReentrantReadWriteLock's read holds, keep
     * pushing off its slot). A miss falls back to STATE and takes the slot; {@link #forget} clears
     * the slots of dropped threads, so the cache keeps no dead thread alive.
     */
    private static final ThreadState[] BY_ID = new ThreadState[1024];
    /**
     * {@code Thread.tid}, read directly: the key of {@link #BY_ID} for every thread, a Thread
     * subclass too (its getId() may be overridden, so without this handle only the JDK's own thread
     * classes use the cache). Null when java.lang is not open to this module (no agent: unit tests).
     */
    private static final VarHandle TID = tidHandle();
    private static volatile ThreadState[] all = new ThreadState[0];
    private static final VarHandle HEAD;
    private static final VarHandle CLOCK;
    /**
     * See {@link #tick()}. Alone on its cache lines: every handoff writes it, while every hook reads
     * {@code on}, {@code sink} and {@code STATE} from this class's statics (a shared line would be
     * invalidated on every core at each tick).
     */
    private static final Clock CLOCK_LINE = new Clock();

    /** The logical clock with 56 bytes of padding on each side (fields of one size keep their declared order). */
    static final class Clock {
        long p1, p2, p3, p4, p5, p6, p7;
        volatile long value;
        long q1, q2, q3, q4, q5, q6, q7;
    }

    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(ThreadState.Log.class, "head", long.class);
            CLOCK = MethodHandles.lookup().findVarHandle(Clock.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Hooks() {
    }

    private static VarHandle tidHandle() {
        try {
            VarHandle h = MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup()).findVarHandle(Thread.class, "tid", long.class);
            Thread t = Thread.currentThread();
            return (long) h.get(t) == t.getId() || t.getClass() != Thread.class ? h : null;
        } catch (Throwable e) {
            return null;
        }
    }

    /** The thread's key in {@link #BY_ID}, or -1 when it cannot be cached (a subclass's getId() may be any code). */
    private static long cacheId(Thread t) {
        VarHandle tid = TID;
        if (tid != null) return (long) tid.get(t);
        Class<?> c = t.getClass();
        if (c != Thread.class && c != java.util.concurrent.ForkJoinWorkerThread.class) return -1;
        return t.getId();
    }

    /** For tests: thrown by the next registration, as an OutOfMemoryError or a missing class would be. */
    static volatile Error registrationFault;

    private static ThreadState register() {
        Error fault = registrationFault;
        if (fault != null) {
            registrationFault = null;
            throw fault;
        }
        ThreadState ts = new ThreadState(Thread.currentThread());
        synchronized (Hooks.class) {
            ThreadState[] old = all;
            ThreadState[] next = java.util.Arrays.copyOf(old, old.length + 1);
            next[old.length] = ts;
            all = next;
        }
        return ts;
    }

    /**
     * Drops dead threads whose events the watchdog has drained (it alone calls this). One pass: a
     * thread that dies while the list is rebuilt is asked about once, so the count and the copy
     * cannot disagree (two passes left a null in the list, which stopped the tracker).
     */
    public static void forget(java.util.function.Predicate<ThreadState> done) {
        synchronized (Hooks.class) {
            ThreadState[] old = all;
            ThreadState[] next = new ThreadState[old.length];
            int keep = 0;
            for (ThreadState s : old) {
                if (s.thread.isAlive() || !done.test(s)) {
                    next[keep++] = s;
                } else {
                    long id = cacheId(s.thread);
                    if (id >= 0) {
                        int slot = (int) id & (BY_ID.length - 1);
                        if (BY_ID[slot] == s) BY_ID[slot] = null;
                    }
                }
            }
            if (keep < old.length) all = java.util.Arrays.copyOf(next, keep);
        }
    }

    /**
     * The calling thread's state, registering it at its first call. Without {@link #TID} the cache
     * is used only for threads whose getId() is the JDK's (an application's Thread subclass may
     * override it, even with code that takes a lock and would call back in here).
     */
    private static ThreadState state() {
        Thread t = Thread.currentThread();
        long id = cacheId(t);
        if (id < 0) return registered();
        int slot = (int) id & (BY_ID.length - 1);
        ThreadState ts = BY_ID[slot];
        if (ts != null && ts.thread == t) return ts;
        ts = registered();
        if (ts != INERT) BY_ID[slot] = ts;
        return ts;
    }

    /**
     * The state every hook of a thread gets when its own could not be made: an agent thread's
     * (busy and internal for good), so no hook records anything with it.
     */
    private static final ThreadState INERT = inert();

    private static ThreadState inert() {
        ThreadState ts = new ThreadState(Thread.currentThread());
        ts.internal = true;
        ts.busy = true;
        return ts;
    }

    /**
     * {@link #STATE}'s value, registering the thread at its first hook. That is the one step of a
     * hook outside its own failure handling, so a failure here (out of memory, a class the agent
     * cannot load, a stack overflow) stops tracking like any other and never reaches the
     * application: the thread gets {@link #INERT}.
     */
    private static ThreadState registered() {
        try {
            return STATE.get();
        } catch (Throwable e) {
            fail(e);
            try {
                STATE.set(INERT); // its next hooks do not try again
            } catch (Throwable ignored) {
                // they will, and fail the same way, quietly
            }
            return INERT;
        }
    }

    /** Every tracked thread (a snapshot; dead threads are dropped as new ones register). */
    public static ThreadState[] threads() {
        return all;
    }

    /** Marks the calling thread as the agent's own: nothing it does is tracked. */
    public static void markInternal() {
        ThreadState ts = state();
        ts.internal = true;
        ts.busy = true; // for good: the hooks' fast paths test busy alone
    }

    private static ThreadState enter() {
        ThreadState ts = state();
        if (ts.busy || ts.internal) return null;
        ts.busy = true;
        return ts;
    }

    private static void fail(Throwable t) {
        on = false;
        Sink s = sink;
        if (s != null) {
            try {
                s.failed(t);
            } catch (Throwable ignored) {
                // stepping aside already
            }
        }
    }

    private static void emit(ThreadState.Log log, int code, Object o, Object o2, Object o3, int site, long time) {
        emit(log, code, o, o2, o3, site, time, 0);
    }

    private static void emit(ThreadState.Log log, int code, Object o, Object o2, Object o3, int site, long time, long aux) {
        long h = log.head;
        ThreadState.Ring r = log.ring;
        if (h - log.drained > r.mask && r.mask < ThreadState.RING - 1) r = log.grow(h); // full: grow, up to RING
        int i = (int) h & r.mask;
        r.evObj[i] = o;
        if (o2 != null || r.evObj2[i] != null) r.evObj2[i] = o2;
        if (o3 != null || r.evObj3[i] != null) r.evObj3[i] = o3;
        r.evCode[i] = code;
        r.evSite[i] = site;
        r.evTime[i] = time;
        r.evAux[i] = aux;
        HEAD.setRelease(log, h + 1);
    }

    // ---------------------------------------------------------------- lock tracking

    /** The calling thread's state when it is tracked, else null (tracking off, an agent thread). */
    private static ThreadState tracked() {
        if (!on) return null;
        ThreadState ts = state();
        return ts.internal ? null : ts;
    }

    /**
     * The calling thread's state for a rewritten method's local (transformer: one lookup per frame
     * instead of one per hook): {@code ts} when the frame already fetched it, else a lookup, or null
     * while tracking is off (the next hook site then looks again). A frame runs on one thread only,
     * so the state fetched once stays the current thread's.
     */
    public static ThreadState st(ThreadState ts) {
        if (ts != null) return ts;
        if (!on) return null;
        return state();
    }

    /**
     * {@link #tracked()} for a state fetched by {@link #st}: null when tracking is off. An agent
     * thread's state passes (its {@link ThreadState#busy} is set for good, which every hook it
     * reaches tests before recording anything), so a hook site reads one field less.
     */
    private static ThreadState tracked(ThreadState ts) {
        return ts == null || !on ? null : ts;
    }

    /** The wait that began last ends (if it has not): the sequence goes to the next even value. */
    private static void endWait(ThreadState ts) {
        long s = ts.waitSeq;
        if ((s & 1) != 0) ts.waitSeq = s + 1;
    }

    /** A new wait begins (its description written first): the sequence goes to a new odd value. */
    private static void beginWait(ThreadState ts) {
        ts.waitSeq = (ts.waitSeq + 1) | 1;
    }

    /** Logical time: ticks at every handoff, read (not written) by lock acquisitions. Cheaper than nanoTime by far. */
    public static long tick() {
        return (long) CLOCK.getAndAdd(CLOCK_LINE, 1L) + 1;
    }

    /**
     * Before a blocking acquisition: immediate rules, then mark the wait. The immediate rules only
     * concern a write (LC203: the thread holds the read side) and a StampedLock acquisition (LC205:
     * it holds the same lock), so a monitor, ReentrantLock or read acquisition nested in another lock
     * skips them (and their re-entry guard) inside the outer lock's critical section. The wait is
     * the held stack's next slot ({@link ThreadState#AT_SLOT}): the lock, mode and site the
     * acquisition's entry will have, each stored only when the slot holds something else, so taking
     * the same lock at the same depth and site again stores the wait sequence alone.
     */
    static void before(ThreadState ts, Object key, int mode, int site, boolean blocking) {
        if (ts.busy) return;
        int n = ts.heldCount;
        if (n == 0) { // slot 0: the state's own fields
            if (ts.key0 != key) ts.key0 = key;
            ts.mode0 = mode; // not compared first: a branch on values that change from lock to lock mispredicts
            ts.site0 = site;
            ts.depth0 = 1;
            if (ts.waitCode != ThreadState.AT_SLOT) ts.waitCode = ThreadState.AT_SLOT;
            beginWait(ts);
            return;
        }
        beforeNested(ts, key, mode, site, blocking, n);
    }

    /** {@link #before} while the thread holds n &gt; 0 other locks: the immediate rules, the wait in slot n (or past the stack's end). */
    private static void beforeNested(ThreadState ts, Object key, int mode, int site, boolean blocking, int n) {
        if (blocking && (mode == WRITE || mode == STAMP_READ || mode == STAMP_WRITE)) {
            ts.busy = true; // the immediate rules call the sink
            try {
                immediate(ts, key, mode, site);
            } catch (Throwable t) {
                fail(t);
            } finally {
                ts.busy = false;
            }
        }
        if (n < ThreadState.MAX_HELD) { // n >= 1: the arrays
            if (ts.keyN[n] != key) ts.keyN[n] = key;
            ts.modeN[n] = mode;
            ts.siteN[n] = site;
            ts.depthN[n] = 1;
            if (ts.waitCode != ThreadState.AT_SLOT) ts.waitCode = ThreadState.AT_SLOT;
        } else {
            if (ts.waitObj != key) ts.waitObj = key;
            ts.waitCode = mode;
            ts.waitSite = site;
        }
        beginWait(ts);
    }

    private static void immediate(ThreadState ts, Object key, int mode, int site) {
        int i = -1;
        String rule = null;
        if (mode == WRITE && ts.find(key, WRITE) < 0 && (i = ts.find(key, READ)) >= 0) {
            rule = "LC203";
        } else if ((mode == STAMP_READ || mode == STAMP_WRITE) && (i = ts.findAny(key)) >= 0) {
            rule = "LC205";
        }
        if (rule != null) {
            Sink s = sink;
            if (s != null) s.immediate(rule, ts, i, key, mode, site);
        }
    }

    /**
     * After the acquisition succeeded. The common case, a thread that holds nothing else, is a
     * method small enough for the JIT to inline into every wrapper (no reentrancy to look for, no
     * order edge): the held entry, and for a read the clock it was taken at, kept in the thread's
     * read table; nothing goes to a ring and nothing is written outside this thread's state. Each
     * field of the entry is stored only when the slot holds another value ({@link #before} wrote
     * most of them, or the same lock was taken at this depth and site last time): a loop taking one
     * lock stores the wait's end and the held count alone, and the store buffer the lock's own
     * atomic instructions drain stays short.
     */
    static void acquired(ThreadState ts, Object key, int mode, int site) {
        if (ts.heldCount != 0 || ts.busy) {
            acquiredNested(ts, key, mode, site);
            return;
        }
        boolean read = mode == READ || mode == STAMP_READ;
        long now = read ? CLOCK_LINE.value : 0;
        long s = ts.waitSeq;
        if ((s & 1) != 0 && ts.waitCode == ThreadState.AT_SLOT && ts.key0 == key) {
            ts.waitSeq = s + 1; // the wait before() began for this lock ends: slot 0 already is its entry
        } else { // no wait began (tryLock, a synchronized method's entry, tracking just turned on)
            if ((s & 1) != 0) ts.waitSeq = s + 1;
            if (ts.key0 != key) ts.key0 = key;
            ts.mode0 = mode;
            ts.site0 = site;
            ts.depth0 = 1;
        }
        if (read) ts.time0 = now; // a held entry's time is read for reads only (EV_HOLD, the read table)
        ts.heldCount = 1;
        // a read goes to the read table at its release, outside the critical section (see releasedRead)
        if (mode == WRITE || mode == STAMP_WRITE) {
            if (ts.wrKey[site & (ThreadState.WRITES - 1)] != key) wrote(ts, key, mode, site);
        }
    }

    /**
     * A first read held since clock now leaves the held stack: into the read table, after the real
     * release. The read's clock is the one read at the acquisition (kept in the entry), so the
     * table gets what an update at the acquisition would have given it; only the moment moves,
     * out of the critical section. A handoff event while the read is still held puts it in the
     * table first ({@link #flushReads}), so no handoff sees the table without it. A read entry
     * taken nested went to the table at once: the second update finds it there and changes nothing.
     */
    private static void releasedRead(ThreadState ts, Object key, int mode, int site, long now) {
        if (now != 0) readAt(ts, key, mode, site, now);
    }

    /**
     * A first read of key at clock now (not 0: a read before any handoff can follow no hold, LC202
     * needs the read after the holder's acquisition): the thread's read-table entry of this site
     * takes the new clock and is marked for the next handoff event to log. Two compares when the
     * site read the same lock before.
     */
    private static void readAt(ThreadState ts, Object key, int mode, int site, long now) {
        int i = site & (ThreadState.READS - 1);
        if (ts.rdKey[i] == key && ts.rdSite[i] == site) {
            if (ts.rdTime[i] != now) {
                ts.rdTime[i] = now;
                ts.rdDirty |= 1 << i;
            }
            return;
        }
        readNew(ts, key, mode, site, now, i);
    }

    /** The site's slot holds another (lock, site): log it to the order ring if not logged yet, then take the slot. */
    private static void readNew(ThreadState ts, Object key, int mode, int site, long now, int i) {
        try {
            int bit = 1 << i;
            if ((ts.rdDirty & bit) != 0) {
                emit(ts.order, EV_ACQ | (ts.rdMode[i] << 4), ts.rdKey[i], null, null, ts.rdSite[i], ts.rdTime[i]);
            }
            ts.rdKey[i] = key;
            ts.rdSite[i] = site;
            ts.rdMode[i] = mode;
            ts.rdTime[i] = now;
            ts.rdDirty |= bit;
        } catch (Throwable t) {
            fail(t);
        }
    }

    /**
     * Logs the reads marked since the thread's last handoff event into the handoff ring (before that
     * event), the read holds still open included (their table update waits for the release).
     */
    private static void flushReads(ThreadState ts) {
        for (int j = 0, n = Math.min(ts.heldCount, ThreadState.MAX_HELD); j < n; j++) {
            int m = ts.heldMode(j);
            if ((m == READ || m == STAMP_READ) && ts.heldTime(j) != 0) readAt(ts, ts.heldKey(j), m, ts.heldSite(j), ts.heldTime(j));
        }
        int d = ts.rdDirty;
        if (d == 0) return;
        ts.rdDirty = 0;
        for (int i = 0; d != 0; i++, d >>>= 1) {
            if ((d & 1) != 0) emit(ts.hand, EV_ACQ | (ts.rdMode[i] << 4), ts.rdKey[i], null, null, ts.rdSite[i], ts.rdTime[i]);
        }
    }

    /**
     * A write acquisition of a lock this site's slot does not know: logged once (the watchdog only
     * marks the lock written), then remembered.
     */
    private static void wrote(ThreadState ts, Object key, int mode, int site) {
        try {
            emit(ts.order, EV_ACQ | (mode << 4), key, null, null, site, CLOCK_LINE.value);
            ts.wrKey[site & (ThreadState.WRITES - 1)] = key;
        } catch (Throwable t) {
            fail(t);
        }
    }

    /**
     * {@link #acquired} while the thread holds other locks: reentrancy, order edges. Kept one method,
     * the edge loop inside: at 321 bytes (the loop in a method of its own) C2 inlined it into
     * acquired's own compilation (hot methods up to FreqInlineSize, 325 bytes), whose code then grew
     * past InlineSmallCode, and acquired stopped being inlined into the wrappers: the contended mix,
     * 92 % single-lock operations, went 2.06x to 2.22-2.33x (three batches of six).
     */
    private static void acquiredNested(ThreadState ts, Object key, int mode, int site) {
        if (ts.busy) return;
        ts.busy = true;
        try {
            endWait(ts);
            int n = ts.heldCount;
            int i = mode == STAMP_READ || mode == STAMP_WRITE ? -1 : ts.find(key, mode);
            // the clock's line is written at every handoff: read it for a read (LC202) and for an edge logged, not otherwise
            boolean read = mode == READ || mode == STAMP_READ;
            long now = read ? CLOCK_LINE.value : 0;
            boolean reentrant = i >= 0;
            if (reentrant) {
                ts.addDepth(i, 1);
            } else if (n < ThreadState.MAX_HELD) {
                if (!ts.edgesKnown(n, key, mode)) {
                    for (int j = 0; j < n; j++) {
                        Object from = ts.heldKey(j);
                        if (from != key) {
                            int code = EV_EDGE | (mode << 4) | (ts.heldMode(j) << 8);
                            Object gate = j == 0 ? null : ts.key0;
                            if (!ts.seenEdge(key, from, gate, code)) emit(ts.order, code, key, from, gate, site, read ? now : CLOCK_LINE.value);
                        }
                    }
                    ts.edgesLogged(n, key, mode);
                }
                // n >= 1 (a thread holding nothing takes acquired's fast path, or is busy): the arrays
                if (ts.keyN[n] != key) ts.keyN[n] = key;
                ts.modeN[n] = mode;
                ts.siteN[n] = site;
                ts.depthN[n] = 1;
                if (read) ts.timeN[n] = now;
                ts.heldCount = n + 1;
            } else {
                ts.overflow++;
            }
            if (!reentrant) {
                if (mode == READ || mode == STAMP_READ) {
                    if (now != 0) readAt(ts, key, mode, site, now);
                } else if (mode == WRITE || mode == STAMP_WRITE) {
                    if (ts.wrKey[site & (ThreadState.WRITES - 1)] != key) wrote(ts, key, mode, site);
                }
            }
        } catch (Throwable t) {
            fail(t);
        } finally {
            ts.busy = false;
        }
    }

    /** The blocking acquisition ended without the lock (interrupted, timed out). */
    static void gaveUp(ThreadState ts) {
        endWait(ts);
    }

    /**
     * After the real release. The common case inlines, as {@link #acquired}'s: the lock released is
     * the innermost held, taken once (the only one held, or a nested block's: releases come in the
     * reverse order of acquisitions), so it is the entry {@link #releasedNested} would find and drop
     * with nothing to shift.
     */
    static void released(ThreadState ts, Object key, int mode) {
        int n = ts.heldCount - 1;
        if (n == 0) { // the only lock held: slot 0, the state's own fields
            if (ts.key0 == key && ts.mode0 == mode && ts.depth0 == 1 && !ts.busy) {
                ts.heldCount = 0;
                if (mode == READ || mode == STAMP_READ) releasedRead(ts, key, mode, ts.site0, ts.time0);
                return;
            }
        } else if (n > 0 && ts.keyN[n] == key && ts.modeN[n] == mode && ts.depthN[n] == 1 && !ts.busy) {
            ts.heldCount = n;
            return;
        }
        releasedNested(ts, key, mode);
    }

    private static void releasedNested(ThreadState ts, Object key, int mode) {
        if (ts.busy) return;
        ts.busy = true;
        try {
            int i = ts.find(key, mode);
            if (i < 0) {
                if (ts.overflow > 0) ts.overflow--;
                return;
            }
            if (ts.addDepth(i, -1) > 0) return;
            if (mode == READ || mode == STAMP_READ) releasedRead(ts, key, mode, ts.heldSite(i), ts.heldTime(i));
            ts.drop(i); // the slot at the new count keeps its key: see ThreadState.key0
        } catch (Throwable t) {
            fail(t);
        } finally {
            ts.busy = false;
        }
    }

    static void tryFailed(ThreadState ts, Object key, int site) {
        if (ts.busy) return;
        ts.busy = true;
        try {
            if (ts.stormKey != key || ts.stormSite != site || (ts.stormCount & 63) == 0) {
                long now = System.nanoTime();
                if (ts.stormKey != key || ts.stormSite != site || now - ts.stormStart > 1_000_000_000L) {
                    ts.stormKey = key;
                    ts.stormSite = site;
                    ts.stormStart = now;
                    ts.stormCount = 0;
                }
            }
            if (++ts.stormCount == stormThreshold + 1) {
                ts.stormHitCount = ts.stormCount;
                ts.stormHit = site;
            }
        } catch (Throwable t) {
            fail(t);
        } finally {
            ts.busy = false;
        }
    }

    // ---------------------------------------------------------------- handoff tracking

    static void handoffBegin(Object h, int side, int site) {
        ThreadState ts = enter();
        if (ts == null) return;
        try {
            flushReads(ts);
            long now = tick();
            for (int j = 0; j < ts.heldCount; j++) {
                int m = ts.heldMode(j);
                if (m == READ || m == STAMP_READ) {
                    emit(ts.hand, EV_HOLD | (m << 4), ts.heldKey(j), null, null, ts.heldSite(j), now, ts.heldTime(j));
                }
            }
            emit(ts.hand, EV_HBEGIN | (side << 4), h, null, null, site, now);
            ts.waitTimed = false;
            ts.waitCode = HANDOFF + side;
            ts.waitSite = site;
            if (ts.waitObj != h) ts.waitObj = h;
            beginWait(ts);
        } catch (Throwable t) {
            fail(t);
        } finally {
            ts.busy = false;
        }
    }

    /** A handoff wait with a timeout. */
    static void timedBegin(Object h, int side, int site) {
        handoffBegin(h, side, site);
        ThreadState ts = state();
        if (ts.waitingFor() == h) ts.waitTimed = true;
    }

    static void handoffEnd(Object h, int side, int site) {
        ThreadState ts = enter();
        if (ts == null) return;
        try {
            endWait(ts);
            emit(ts.hand, EV_HEND | (side << 4), h, null, null, site, CLOCK_LINE.value);
        } catch (Throwable t) {
            fail(t);
        } finally {
            ts.busy = false;
        }
    }

    /** An operation that does not wait but may end someone else's wait (countDown, release, offer, complete). */
    static void handoffOp(Object h, int side, int site) {
        ThreadState ts = enter();
        if (ts == null) return;
        try {
            flushReads(ts);
            emit(ts.hand, EV_HOP | (side << 4), h, null, null, site, tick());
        } catch (Throwable t) {
            fail(t);
        } finally {
            ts.busy = false;
        }
    }

    /** FutureTask.run entry (instrumented in the JDK class itself). */
    public static void taskStart(Object task) {
        if (!on) return;
        ThreadState ts = enter();
        if (ts == null) return;
        ts.runningTask = task;
        ts.busy = false;
    }

    /** End of a CompletableFuture async task or a ForkJoinTask's execution: the thread runs no task now. */
    public static void taskEnd() {
        if (!on) return;
        ThreadState ts = state();
        ts.runningTask = null;
    }

    /** FutureTask.set/setException entry: the runner completes the future before waking its waiters. */
    public static void taskDone(Object task, int site) {
        if (!on) return;
        handoffOp(task, PRODUCE, site);
        ThreadState ts = state();
        if (ts.runningTask == task) ts.runningTask = null;
    }

    // ---------------------------------------------------------------- monitors (synchronized blocks)

    public static void monitorBefore(Object o, int site) {
        monitorBefore0(o, site, tracked());
    }

    /** The same with the caller's thread state (a rewritten method fetches it once into a local: see {@link #st}). */
    public static void monitorBefore(Object o, int site, ThreadState ts) {
        monitorBefore0(o, site, tracked(ts));
    }

    private static void monitorBefore0(Object o, int site, ThreadState ts) {
        if (ts != null && o != null) before(ts, o, MONITOR, site, false); // null: MONITORENTER throws, no wait begins
    }

    public static void monitorAfter(Object o, int site) {
        monitorAfter0(o, site, tracked());
    }

    /** The same with the caller's thread state (a rewritten method fetches it once into a local: see {@link #st}). */
    public static void monitorAfter(Object o, int site, ThreadState ts) {
        monitorAfter0(o, site, tracked(ts));
    }

    private static void monitorAfter0(Object o, int site, ThreadState ts) {
        if (ts != null) acquired(ts, o, MONITOR, site);
    }

    public static void monitorExit(Object o) {
        monitorExit0(o, tracked());
    }

    /** The same with the caller's thread state (a rewritten method fetches it once into a local: see {@link #st}). */
    public static void monitorExit(Object o, ThreadState ts) {
        monitorExit0(o, tracked(ts));
    }

    private static void monitorExit0(Object o, ThreadState ts) {
        if (ts != null) released(ts, o, MONITOR);
    }

    /**
     * Entry of a synchronized method (the JVM took the monitor before the first instruction): the
     * monitor is pushed so that {@link #syncExit(int)} can release it without reading a local.
     */
    public static void syncEnter(Object o, int site) {
        ThreadState ts = tracked();
        if (ts != null) syncEnter0(o, site, ts);
    }

    /** The same with the caller's thread state (see {@link #st}). */
    public static void syncEnter(Object o, int site, ThreadState ts) {
        ts = tracked(ts);
        if (ts != null) syncEnter0(o, site, ts);
    }

    private static void syncEnter0(Object o, int site, ThreadState ts) {
        if (ts.syncDepth < ThreadState.MAX_HELD) {
            if (ts.syncObj[ts.syncDepth] != o) ts.syncObj[ts.syncDepth] = o; // kept after the exit, as the held stack's keys
            ts.syncDepth++;
        }
        else ts.syncOverflow++;
        acquired(ts, o, MONITOR, site);
    }

    /** Exit of a synchronized method, by return or by exception. */
    public static void syncExit(int site) {
        ThreadState ts = tracked();
        if (ts != null) syncExit0(ts);
    }

    /** The same with the caller's thread state (see {@link #st}). */
    public static void syncExit(int site, ThreadState ts) {
        ts = tracked(ts);
        if (ts != null) syncExit0(ts);
    }

    private static void syncExit0(ThreadState ts) {
        if (ts.syncOverflow > 0) {
            ts.syncOverflow--;
            return;
        }
        if (ts.syncDepth == 0) return; // entered before tracking started
        Object o = ts.syncObj[--ts.syncDepth];
        released(ts, o, MONITOR);
    }

    /** A lock object was allocated at an application call site: remember where (reports name locks by it). */
    public static void created(Object lock, int site) {
        if (!on) return;
        Sink s = sink;
        if (s instanceof Allocations) ((Allocations) s).allocated(lock, site);
    }

    /** Implemented by the sink to learn allocation sites. */
    public interface Allocations {
        void allocated(Object lock, int site);
    }

    // ---------------------------------------------------------------- java.util.concurrent.locks.Lock

    public static void lock(Lock l, int site) {
        lock0(l, site, tracked());
    }

    /** The same with the caller's thread state (a rewritten method fetches it once into a local: see {@link #st}). */
    public static void lock(Lock l, int site, ThreadState ts) {
        lock0(l, site, tracked(ts));
    }

    private static void lock0(Lock l, int site, ThreadState ts) {
        if (ts == null) {
            l.lock();
            return;
        }
        int m = Keys.mode(l);
        Object k = Keys.key(l, m);
        before(ts, k, m, site, true);
        try {
            l.lock();
        } catch (Throwable t) { // an Error from lock(): no wait left open for the next acquisition to take as its own
            gaveUp(ts);
            throw t;
        }
        acquired(ts, k, m, site);
    }

    // lock and unlock called on a concrete class: no type test, and a one-class call the JIT inlines

    public static void lock(java.util.concurrent.locks.ReentrantLock l, int site) {
        lock0(l, site, tracked());
    }

    /** The same with the caller's thread state (a rewritten method fetches it once into a local: see {@link #st}). */
    public static void lock(java.util.concurrent.locks.ReentrantLock l, int site, ThreadState ts) {
        lock0(l, site, tracked(ts));
    }

    private static void lock0(java.util.concurrent.locks.ReentrantLock l, int site, ThreadState ts) {
        if (ts == null) {
            l.lock();
            return;
        }
        before(ts, l, EXCLUSIVE, site, true);
        try {
            l.lock();
        } catch (Throwable t) { // an Error from lock(): no wait left open for the next acquisition to take as its own
            gaveUp(ts);
            throw t;
        }
        acquired(ts, l, EXCLUSIVE, site);
    }

    public static void unlock(java.util.concurrent.locks.ReentrantLock l, int site) {
        unlock0(l, site, null, true);
    }

    /** The same with the caller's thread state (see {@link #st}). */
    public static void unlock(java.util.concurrent.locks.ReentrantLock l, int site, ThreadState ts) {
        unlock0(l, site, ts, false);
    }

    private static void unlock0(java.util.concurrent.locks.ReentrantLock l, int site, ThreadState ts, boolean lookUp) {
        l.unlock();
        ts = lookUp ? tracked() : tracked(ts);
        if (ts != null) released(ts, l, EXCLUSIVE);
    }

    public static void lock(java.util.concurrent.locks.ReentrantReadWriteLock.ReadLock l, int site) {
        lock0(l, site, tracked());
    }

    /** The same with the caller's thread state (a rewritten method fetches it once into a local: see {@link #st}). */
    public static void lock(java.util.concurrent.locks.ReentrantReadWriteLock.ReadLock l, int site, ThreadState ts) {
        lock0(l, site, tracked(ts));
    }

    private static void lock0(java.util.concurrent.locks.ReentrantReadWriteLock.ReadLock l, int site, ThreadState ts) {
        if (ts == null) {
            l.lock();
            return;
        }
        Object k = Keys.readKey(l);
        before(ts, k, READ, site, true);
        try {
            l.lock();
        } catch (Throwable t) { // an Error from lock(): no wait left open for the next acquisition to take as its own
            gaveUp(ts);
            throw t;
        }
        acquired(ts, k, READ, site);
    }

    public static void unlock(java.util.concurrent.locks.ReentrantReadWriteLock.ReadLock l, int site) {
        unlock0(l, site, null, true);
    }

    /** The same with the caller's thread state (see {@link #st}). */
    public static void unlock(java.util.concurrent.locks.ReentrantReadWriteLock.ReadLock l, int site, ThreadState ts) {
        unlock0(l, site, ts, false);
    }

    private static void unlock0(java.util.concurrent.locks.ReentrantReadWriteLock.ReadLock l, int site, ThreadState ts, boolean lookUp) {
        l.unlock();
        ts = lookUp ? tracked() : tracked(ts);
        if (ts != null) released(ts, Keys.readKey(l), READ);
    }

    public static void lock(java.util.concurrent.locks.ReentrantReadWriteLock.WriteLock l, int site) {
        lock0(l, site, tracked());
    }

    /** The same with the caller's thread state (a rewritten method fetches it once into a local: see {@link #st}). */
    public static void lock(java.util.concurrent.locks.ReentrantReadWriteLock.WriteLock l, int site, ThreadState ts) {
        lock0(l, site, tracked(ts));
    }

    private static void lock0(java.util.concurrent.locks.ReentrantReadWriteLock.WriteLock l, int site, ThreadState ts) {
        if (ts == null) {
            l.lock();
            return;
        }
        Object k = Keys.writeKey(l);
        before(ts, k, WRITE, site, true);
        try {
            l.lock();
        } catch (Throwable t) { // an Error from lock(): no wait left open for the next acquisition to take as its own
            gaveUp(ts);
            throw t;
        }
        acquired(ts, k, WRITE, site);
    }

    public static void unlock(java.util.concurrent.locks.ReentrantReadWriteLock.WriteLock l, int site) {
        unlock0(l, site, null, true);
    }

    /** The same with the caller's thread state (see {@link #st}). */
    public static void unlock(java.util.concurrent.locks.ReentrantReadWriteLock.WriteLock l, int site, ThreadState ts) {
        unlock0(l, site, ts, false);
    }

    private static void unlock0(java.util.concurrent.locks.ReentrantReadWriteLock.WriteLock l, int site, ThreadState ts, boolean lookUp) {
        l.unlock();
        ts = lookUp ? tracked() : tracked(ts);
        if (ts != null) released(ts, Keys.writeKey(l), WRITE);
    }

    public static void lockInterruptibly(Lock l, int site) throws InterruptedException {
        ThreadState ts = tracked();
        if (ts == null) {
            l.lockInterruptibly();
            return;
        }
        int m = Keys.mode(l);
        Object k = Keys.key(l, m);
        before(ts, k, m, site, true);
        boolean ok = false;
        try {
            l.lockInterruptibly();
            ok = true;
        } finally {
            if (ok) acquired(ts, k, m, site);
            else gaveUp(ts);
        }
    }

    public static boolean tryLock(Lock l, int site) {
        boolean ok = l.tryLock();
        ThreadState ts = tracked();
        if (ts != null) {
            int m = Keys.mode(l);
            Object k = Keys.key(l, m);
            if (ok) acquired(ts, k, m, site);
            else tryFailed(ts, k, site);
        }
        return ok;
    }

    public static boolean tryLock(Lock l, long time, TimeUnit unit, int site) throws InterruptedException {
        ThreadState ts = tracked();
        if (ts == null) return l.tryLock(time, unit);
        int m = Keys.mode(l);
        Object k = Keys.key(l, m);
        before(ts, k, m, site, false);
        boolean ok = false;
        try {
            ok = l.tryLock(time, unit);
        } finally {
            if (ok) acquired(ts, k, m, site);
            else gaveUp(ts);
        }
        if (!ok) tryFailed(ts, k, site);
        return ok;
    }

    /** All bookkeeping after the real release, the lookups too: the critical section does not grow by the tracker's work. */
    public static void unlock(Lock l, int site) {
        unlock0(l, site, null, true);
    }

    /** The same with the caller's thread state (see {@link #st}). */
    public static void unlock(Lock l, int site, ThreadState ts) {
        unlock0(l, site, ts, false);
    }

    private static void unlock0(Lock l, int site, ThreadState ts, boolean lookUp) {
        l.unlock();
        ts = lookUp ? tracked() : tracked(ts);
        if (ts == null) return;
        int m = Keys.mode(l);
        released(ts, Keys.key(l, m), m);
    }

    // ---------------------------------------------------------------- StampedLock

    public static long readLock(StampedLock l, int site) {
        return readLock0(l, site, tracked());
    }

    /** The same with the caller's thread state (a rewritten method fetches it once into a local: see {@link #st}). */
    public static long readLock(StampedLock l, int site, ThreadState ts) {
        return readLock0(l, site, tracked(ts));
    }

    private static long readLock0(StampedLock l, int site, ThreadState ts) {
        if (ts == null) return l.readLock();
        before(ts, l, STAMP_READ, site, true);
        long s;
        try {
            s = l.readLock();
        } catch (Throwable t) {
            gaveUp(ts);
            throw t;
        }
        acquired(ts, l, STAMP_READ, site);
        return s;
    }

    public static long writeLock(StampedLock l, int site) {
        return writeLock0(l, site, tracked());
    }

    /** The same with the caller's thread state (a rewritten method fetches it once into a local: see {@link #st}). */
    public static long writeLock(StampedLock l, int site, ThreadState ts) {
        return writeLock0(l, site, tracked(ts));
    }

    private static long writeLock0(StampedLock l, int site, ThreadState ts) {
        if (ts == null) return l.writeLock();
        before(ts, l, STAMP_WRITE, site, true);
        long s;
        try {
            s = l.writeLock();
        } catch (Throwable t) {
            gaveUp(ts);
            throw t;
        }
        acquired(ts, l, STAMP_WRITE, site);
        return s;
    }

    public static long readLockInterruptibly(StampedLock l, int site) throws InterruptedException {
        ThreadState ts = tracked();
        if (ts == null) return l.readLockInterruptibly();
        before(ts, l, STAMP_READ, site, true);
        long s = 0;
        try {
            s = l.readLockInterruptibly();
        } finally {
            if (s != 0) acquired(ts, l, STAMP_READ, site);
            else gaveUp(ts);
        }
        return s;
    }

    public static long writeLockInterruptibly(StampedLock l, int site) throws InterruptedException {
        ThreadState ts = tracked();
        if (ts == null) return l.writeLockInterruptibly();
        before(ts, l, STAMP_WRITE, site, true);
        long s = 0;
        try {
            s = l.writeLockInterruptibly();
        } finally {
            if (s != 0) acquired(ts, l, STAMP_WRITE, site);
            else gaveUp(ts);
        }
        return s;
    }

    private static long tried(StampedLock l, long s, int mode, int site) {
        ThreadState ts = tracked();
        if (ts != null) {
            if (s != 0) acquired(ts, l, mode, site);
            else tryFailed(ts, l, site);
        }
        return s;
    }

    public static long tryReadLock(StampedLock l, int site) {
        return tried(l, l.tryReadLock(), STAMP_READ, site);
    }

    public static long tryWriteLock(StampedLock l, int site) {
        return tried(l, l.tryWriteLock(), STAMP_WRITE, site);
    }

    public static long tryReadLock(StampedLock l, long time, TimeUnit unit, int site) throws InterruptedException {
        return tried(l, l.tryReadLock(time, unit), STAMP_READ, site);
    }

    public static long tryWriteLock(StampedLock l, long time, TimeUnit unit, int site) throws InterruptedException {
        return tried(l, l.tryWriteLock(time, unit), STAMP_WRITE, site);
    }

    private static void releasedStamp(StampedLock l, int mode) {
        ThreadState ts = tracked();
        if (ts != null) released(ts, l, mode);
    }

    private static void releasedStamp(StampedLock l, int mode, ThreadState ts) {
        ts = tracked(ts);
        if (ts != null) released(ts, l, mode);
    }

    /** The same with the caller's thread state (see {@link #st}). */
    public static void unlockRead(StampedLock l, long stamp, int site, ThreadState ts) {
        l.unlockRead(stamp);
        releasedStamp(l, STAMP_READ, ts);
    }

    /** The same with the caller's thread state (see {@link #st}). */
    public static void unlockWrite(StampedLock l, long stamp, int site, ThreadState ts) {
        l.unlockWrite(stamp);
        releasedStamp(l, STAMP_WRITE, ts);
    }

    /** The same with the caller's thread state (see {@link #st}). */
    public static void unlock(StampedLock l, long stamp, int site, ThreadState ts) {
        l.unlock(stamp);
        releasedStamp(l, StampedLock.isReadLockStamp(stamp) ? STAMP_READ : STAMP_WRITE, ts);
    }

    public static void unlockRead(StampedLock l, long stamp, int site) {
        l.unlockRead(stamp);
        releasedStamp(l, STAMP_READ);
    }

    public static void unlockWrite(StampedLock l, long stamp, int site) {
        l.unlockWrite(stamp);
        releasedStamp(l, STAMP_WRITE);
    }

    public static void unlock(StampedLock l, long stamp, int site) {
        l.unlock(stamp);
        releasedStamp(l, StampedLock.isReadLockStamp(stamp) ? STAMP_READ : STAMP_WRITE);
    }

    public static boolean tryUnlockRead(StampedLock l, int site) {
        boolean ok = l.tryUnlockRead();
        if (ok) releasedStamp(l, STAMP_READ);
        return ok;
    }

    public static boolean tryUnlockWrite(StampedLock l, int site) {
        boolean ok = l.tryUnlockWrite();
        if (ok) releasedStamp(l, STAMP_WRITE);
        return ok;
    }

    public static long tryConvertToWriteLock(StampedLock l, long stamp, int site) {
        long s = l.tryConvertToWriteLock(stamp);
        ThreadState ts = tracked();
        if (ts != null && s != 0 && !StampedLock.isWriteLockStamp(stamp)) {
            if (StampedLock.isReadLockStamp(stamp)) released(ts, l, STAMP_READ);
            acquired(ts, l, STAMP_WRITE, site);
        }
        return s;
    }

    public static long tryConvertToReadLock(StampedLock l, long stamp, int site) {
        long s = l.tryConvertToReadLock(stamp);
        ThreadState ts = tracked();
        if (ts != null && s != 0 && !StampedLock.isReadLockStamp(stamp)) {
            if (StampedLock.isWriteLockStamp(stamp)) released(ts, l, STAMP_WRITE);
            acquired(ts, l, STAMP_READ, site);
        }
        return s;
    }

    public static long tryConvertToOptimisticRead(StampedLock l, long stamp, int site) {
        long s = l.tryConvertToOptimisticRead(stamp);
        if (s != 0) {
            if (StampedLock.isReadLockStamp(stamp)) releasedStamp(l, STAMP_READ);
            else if (StampedLock.isWriteLockStamp(stamp)) releasedStamp(l, STAMP_WRITE);
        }
        return s;
    }

    // ---------------------------------------------------------------- handoffs

    public static void put(BlockingQueue<Object> q, Object e, int site) throws InterruptedException {
        if (!on) {
            q.put(e);
            return;
        }
        handoffBegin(q, PRODUCE, site);
        try {
            q.put(e);
        } finally {
            handoffEnd(q, PRODUCE, site);
        }
    }

    public static Object take(BlockingQueue<Object> q, int site) throws InterruptedException {
        if (!on) return q.take();
        handoffBegin(q, CONSUME, site);
        try {
            return q.take();
        } finally {
            handoffEnd(q, CONSUME, site);
        }
    }

    public static boolean offer(BlockingQueue<Object> q, Object e, int site) {
        if (on) handoffOp(q, PRODUCE, site);
        return q.offer(e);
    }

    public static boolean offer(BlockingQueue<Object> q, Object e, long t, TimeUnit u, int site) throws InterruptedException {
        if (!on) return q.offer(e, t, u);
        timedBegin(q, PRODUCE, site);
        try {
            return q.offer(e, t, u);
        } finally {
            handoffEnd(q, PRODUCE, site);
        }
    }

    public static Object poll(BlockingQueue<Object> q, int site) {
        if (on) handoffOp(q, CONSUME, site);
        return q.poll();
    }

    public static Object poll(BlockingQueue<Object> q, long t, TimeUnit u, int site) throws InterruptedException {
        if (!on) return q.poll(t, u);
        timedBegin(q, CONSUME, site);
        try {
            return q.poll(t, u);
        } finally {
            handoffEnd(q, CONSUME, site);
        }
    }

    public static void transfer(TransferQueue<Object> q, Object e, int site) throws InterruptedException {
        if (!on) {
            q.transfer(e);
            return;
        }
        handoffBegin(q, PRODUCE, site);
        try {
            q.transfer(e);
        } finally {
            handoffEnd(q, PRODUCE, site);
        }
    }

    public static Object get(Future<?> f, int site) throws InterruptedException, java.util.concurrent.ExecutionException {
        if (!on) return f.get();
        handoffBegin(f, CONSUME, site);
        try {
            return f.get();
        } finally {
            handoffEnd(f, CONSUME, site);
        }
    }

    public static Object get(Future<?> f, long t, TimeUnit u, int site)
            throws InterruptedException, java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        if (!on) return f.get(t, u);
        timedBegin(f, CONSUME, site);
        try {
            return f.get(t, u);
        } finally {
            handoffEnd(f, CONSUME, site);
        }
    }

    public static Object join(CompletableFuture<?> f, int site) {
        if (!on) return f.join();
        handoffBegin(f, CONSUME, site);
        try {
            return f.join();
        } finally {
            handoffEnd(f, CONSUME, site);
        }
    }

    public static boolean complete(CompletableFuture<Object> f, Object v, int site) {
        if (on) handoffOp(f, PRODUCE, site);
        return f.complete(v);
    }

    public static void await(CountDownLatch l, int site) throws InterruptedException {
        if (!on) {
            l.await();
            return;
        }
        handoffBegin(l, CONSUME, site);
        try {
            l.await();
        } finally {
            handoffEnd(l, CONSUME, site);
        }
    }

    public static boolean await(CountDownLatch l, long t, TimeUnit u, int site) throws InterruptedException {
        if (!on) return l.await(t, u);
        timedBegin(l, CONSUME, site);
        try {
            return l.await(t, u);
        } finally {
            handoffEnd(l, CONSUME, site);
        }
    }

    public static void countDown(CountDownLatch l, int site) {
        if (on) handoffOp(l, PRODUCE, site);
        l.countDown();
    }

    public static int await(CyclicBarrier b, int site) throws InterruptedException, java.util.concurrent.BrokenBarrierException {
        if (!on) return b.await();
        handoffBegin(b, SYMMETRIC, site);
        try {
            return b.await();
        } finally {
            handoffEnd(b, SYMMETRIC, site);
        }
    }

    public static void acquire(Semaphore s, int site) throws InterruptedException {
        if (!on) {
            s.acquire();
            return;
        }
        handoffBegin(s, CONSUME, site);
        try {
            s.acquire();
        } finally {
            handoffEnd(s, CONSUME, site);
        }
    }

    public static void release(Semaphore s, int site) {
        if (on) handoffOp(s, PRODUCE, site);
        s.release();
    }

    public static Object exchange(Exchanger<Object> x, Object v, int site) throws InterruptedException {
        if (!on) return x.exchange(v);
        handoffBegin(x, SYMMETRIC, site);
        try {
            return x.exchange(v);
        } finally {
            handoffEnd(x, SYMMETRIC, site);
        }
    }

    public static void join(Thread t, int site) throws InterruptedException {
        if (!on) {
            t.join();
            return;
        }
        handoffBegin(t, JOIN, site);
        try {
            t.join();
        } finally {
            handoffEnd(t, JOIN, site);
        }
    }

    // ---------------------------------------------------------------- Object.wait / notify (a handoff on the monitor)

    public static void objectWait(Object o, int site) throws InterruptedException {
        if (!on) {
            o.wait();
            return;
        }
        handoffBegin(o, CONSUME, site);
        try {
            o.wait();
        } finally {
            handoffEnd(o, CONSUME, site);
        }
    }

    public static void objectWait(Object o, long ms, int site) throws InterruptedException {
        if (!on) {
            o.wait(ms);
            return;
        }
        if (ms == 0) handoffBegin(o, CONSUME, site);
        else timedBegin(o, CONSUME, site);
        try {
            o.wait(ms);
        } finally {
            handoffEnd(o, CONSUME, site);
        }
    }

    public static void objectWait(Object o, long ms, int nanos, int site) throws InterruptedException {
        if (!on) {
            o.wait(ms, nanos);
            return;
        }
        if (ms == 0 && nanos == 0) handoffBegin(o, CONSUME, site);
        else timedBegin(o, CONSUME, site);
        try {
            o.wait(ms, nanos);
        } finally {
            handoffEnd(o, CONSUME, site);
        }
    }

    public static void objectNotify(Object o, int site) {
        o.notify(); // first: a caller without the monitor gets its IllegalMonitorStateException, nothing recorded
        if (on) handoffOp(o, PRODUCE, site);
    }

    public static void objectNotifyAll(Object o, int site) {
        o.notifyAll();
        if (on) handoffOp(o, PRODUCE, site);
    }

    // ---------------------------------------------------------------- BlockingDeque first/last forms

    public static void putFirst(java.util.concurrent.BlockingDeque<Object> q, Object e, int site) throws InterruptedException {
        if (!on) {
            q.putFirst(e);
            return;
        }
        handoffBegin(q, PRODUCE, site);
        try {
            q.putFirst(e);
        } finally {
            handoffEnd(q, PRODUCE, site);
        }
    }

    public static void putLast(java.util.concurrent.BlockingDeque<Object> q, Object e, int site) throws InterruptedException {
        if (!on) {
            q.putLast(e);
            return;
        }
        handoffBegin(q, PRODUCE, site);
        try {
            q.putLast(e);
        } finally {
            handoffEnd(q, PRODUCE, site);
        }
    }

    public static Object takeFirst(java.util.concurrent.BlockingDeque<Object> q, int site) throws InterruptedException {
        if (!on) return q.takeFirst();
        handoffBegin(q, CONSUME, site);
        try {
            return q.takeFirst();
        } finally {
            handoffEnd(q, CONSUME, site);
        }
    }

    public static Object takeLast(java.util.concurrent.BlockingDeque<Object> q, int site) throws InterruptedException {
        if (!on) return q.takeLast();
        handoffBegin(q, CONSUME, site);
        try {
            return q.takeLast();
        } finally {
            handoffEnd(q, CONSUME, site);
        }
    }

    public static boolean offerFirst(java.util.concurrent.BlockingDeque<Object> q, Object e, int site) {
        if (on) handoffOp(q, PRODUCE, site);
        return q.offerFirst(e);
    }

    public static boolean offerLast(java.util.concurrent.BlockingDeque<Object> q, Object e, int site) {
        if (on) handoffOp(q, PRODUCE, site);
        return q.offerLast(e);
    }

    public static Object pollFirst(java.util.concurrent.BlockingDeque<Object> q, int site) {
        if (on) handoffOp(q, CONSUME, site);
        return q.pollFirst();
    }

    public static Object pollLast(java.util.concurrent.BlockingDeque<Object> q, int site) {
        if (on) handoffOp(q, CONSUME, site);
        return q.pollLast();
    }

    // ---------------------------------------------------------------- ForkJoinTask, Phaser

    public static Object join(java.util.concurrent.ForkJoinTask<?> t, int site) {
        if (!on) return t.join();
        handoffBegin(t, CONSUME, site);
        try {
            return t.join();
        } finally {
            handoffEnd(t, CONSUME, site);
        }
    }

    public static int arriveAndAwaitAdvance(java.util.concurrent.Phaser p, int site) {
        if (!on) return p.arriveAndAwaitAdvance();
        handoffOp(p, PRODUCE, site);
        handoffBegin(p, CONSUME, site);
        try {
            return p.arriveAndAwaitAdvance();
        } finally {
            handoffEnd(p, CONSUME, site);
        }
    }

    public static int awaitAdvance(java.util.concurrent.Phaser p, int phase, int site) {
        if (!on) return p.awaitAdvance(phase);
        handoffBegin(p, CONSUME, site);
        try {
            return p.awaitAdvance(phase);
        } finally {
            handoffEnd(p, CONSUME, site);
        }
    }

    public static int arrive(java.util.concurrent.Phaser p, int site) {
        if (on) handoffOp(p, PRODUCE, site);
        return p.arrive();
    }

    public static int arriveAndDeregister(java.util.concurrent.Phaser p, int site) {
        if (on) handoffOp(p, PRODUCE, site);
        return p.arriveAndDeregister();
    }

    // ---------------------------------------------------------------- Runtime.halt

    /** Runtime.halt skips shutdown hooks: drain and write the report first, then halt. */
    public static void halt(Runtime r, int status, int site) {
        Sink s = sink;
        if (on && s != null) {
            ThreadState ts = state();
            boolean was = ts.internal, wasBusy = ts.busy;
            ts.internal = true; // the agent's own work is not tracked
            ts.busy = true;
            try {
                s.halting();
            } catch (Throwable ignored) {
                // the application's halt goes ahead whatever happened here
            } finally {
                ts.internal = was;
                ts.busy = wasBusy;
            }
        }
        r.halt(status);
    }
}
