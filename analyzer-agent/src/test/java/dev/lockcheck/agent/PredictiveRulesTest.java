package dev.lockcheck.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockcheck.agent.boot.Hooks;
import dev.lockcheck.agent.boot.ThreadState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LC202 and LC204 fed with hand-made event timelines (what the watchdog drains from the hooks), so
 * each clause of the rule text is checked on its own.
 */
class PredictiveRulesTest {
    private final ThreadState a = new ThreadState(new Thread("A"));
    private final ThreadState b = new ThreadState(new Thread("B"));
    private final Object lock = new Object();
    private final Object other = new Object();
    private final Object gate = new Object();
    private final Object queue = new Object();
    private final Set<Object> written = Collections.newSetFromMap(new IdentityHashMap<>());

    private Reporter reporter(Path dir) {
        return new Reporter(Options.parse("report=" + dir.resolve("r.json")),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static Event ev(ThreadState t, int kind, int mode, Object o, long time, long aux) {
        return new Event(t, kind, mode, 0, false, o, null, null, 0, time, aux);
    }

    private static Event edge(ThreadState t, Object from, int fromMode, Object to, int toMode, Object gate) {
        return new Event(t, Hooks.EV_EDGE, toMode, fromMode, false, to, from, gate, 0, 0, 0);
    }

    /** A holds read(L) from 0, waits in put at 2; B took L first at `readAt`, takes at 3. */
    private int seedTimeline(Path dir, long readAt, boolean lockWritten) {
        Reporter r = reporter(dir);
        PotentialHandoffDeadlock d = new PotentialHandoffDeadlock(r, Options.parse(null), written);
        d.on(ev(b, Hooks.EV_ACQ, Hooks.READ, lock, readAt, 0));
        d.on(ev(a, Hooks.EV_HOLD, Hooks.READ, lock, 2, 0));
        d.on(ev(a, Hooks.EV_HBEGIN, Hooks.PRODUCE, queue, 2, 0));
        d.on(ev(b, Hooks.EV_HBEGIN, Hooks.CONSUME, queue, 3, 0));
        if (lockWritten) written.add(lock);
        d.flush();
        return r.count();
    }

    @Test
    void readerTakesTheLockWhileTheHolderWaitsForIt_andTheLockIsWritten_isPredicted(@TempDir Path dir) {
        assertEquals(1, seedTimeline(dir, 1, true));
    }

    @Test
    void sameTimeline_lockNeverWritten_isNotReported(@TempDir Path dir) {
        assertEquals(0, seedTimeline(dir, 1, false));
    }

    @Test
    void readerTookTheLockBeforeTheHolderDid_isNotReported(@TempDir Path dir) {
        assertEquals(0, seedTimeline(dir, 0, true));
    }

    private int orderCycle(Path dir, Object gateAB, Object gateBA, int modeL, int modeM) {
        Reporter r = reporter(dir);
        LockOrderInversion d = new LockOrderInversion(r, Options.parse(null), written);
        d.on(edge(a, lock, modeL, other, modeM, gateAB));
        d.on(edge(b, other, modeM, lock, modeL, gateBA));
        d.flush();
        return r.count();
    }

    @Test
    void twoLocksInOppositeOrders_isOneFinding(@TempDir Path dir) {
        assertEquals(1, orderCycle(dir, null, null, Hooks.EXCLUSIVE, Hooks.EXCLUSIVE));
    }

    @Test
    void oppositeOrdersUnderOneCommonGateLock_isNotReported(@TempDir Path dir) {
        assertEquals(0, orderCycle(dir, gate, gate, Hooks.EXCLUSIVE, Hooks.EXCLUSIVE));
    }

    @Test
    void oppositeOrdersUnderDifferentGates_isReported(@TempDir Path dir) {
        assertEquals(1, orderCycle(dir, gate, new Object(), Hooks.EXCLUSIVE, Hooks.EXCLUSIVE));
    }

    @Test
    void readReadCycleOnLocksNeverWritten_isNotReported_untilOneIsWritten(@TempDir Path dir) {
        assertEquals(0, orderCycle(dir, null, null, Hooks.READ, Hooks.READ));
        written.add(lock);
        written.add(other);
        assertEquals(1, orderCycle(dir, null, null, Hooks.READ, Hooks.READ));
    }

    @Test
    void bothOrdersTakenOnlyByOneThread_cannotDeadlock_isNotReported(@TempDir Path dir) {
        Reporter r = reporter(dir);
        LockOrderInversion d = new LockOrderInversion(r, Options.parse(null), written);
        d.on(edge(a, lock, Hooks.EXCLUSIVE, other, Hooks.EXCLUSIVE, null));
        d.on(edge(a, other, Hooks.EXCLUSIVE, lock, Hooks.EXCLUSIVE, null));
        d.flush();
        assertEquals(0, r.count());
        d.on(edge(b, other, Hooks.EXCLUSIVE, lock, Hooks.EXCLUSIVE, null)); // now a second thread can close it
        d.flush();
        assertEquals(1, r.count());
    }

    @Test
    void threeLockCycleNeedingOneThreadInTwoPlaces_isNotReported(@TempDir Path dir) {
        // calfuzzer TestDeadlock2's shape: l1->l2 and l3->l1 by A only, l2->l3 by B
        Reporter r = reporter(dir);
        LockOrderInversion d = new LockOrderInversion(r, Options.parse(null), written);
        d.on(edge(a, lock, Hooks.MONITOR, other, Hooks.MONITOR, null));
        d.on(edge(b, other, Hooks.MONITOR, gate, Hooks.MONITOR, null));
        d.on(edge(a, gate, Hooks.MONITOR, lock, Hooks.MONITOR, null));
        d.flush();
        assertEquals(0, r.count());
    }

    @Test
    void theSameInversionOnManyInstancePairs_isOneReport(@TempDir Path dir) {
        Reporter r = reporter(dir);
        LockOrderInversion d = new LockOrderInversion(r, Options.parse(null), written);
        for (int i = 0; i < 3; i++) {
            Object x = new Object();
            Object y = new Object();
            d.on(edge(a, x, Hooks.MONITOR, y, Hooks.MONITOR, null));
            d.on(edge(b, y, Hooks.MONITOR, x, Hooks.MONITOR, null));
        }
        d.flush();
        assertEquals(1, r.count());
    }

    @Test
    void aCycleClosedLateInALargeGraph_isFoundFromTheNewEdge_overAsManyLooksAsItTakes(@TempDir Path dir) {
        // Derby's shape: thousands of lock instances in chains; a look searches only from new or
        // changed edges, within a time budget, so the watchdog never holds the exit path for long
        Reporter r = reporter(dir);
        LockOrderInversion d = new LockOrderInversion(r, Options.parse(null), written);
        Object[] chain = new Object[2000];
        for (int i = 0; i < chain.length; i++) chain[i] = new Object();
        for (int i = 0; i + 1 < chain.length; i++) d.on(edge(a, chain[i], Hooks.MONITOR, chain[i + 1], Hooks.MONITOR, null));
        for (int look = 0; look < 200; look++) d.flush(); // the rest of the first search, look by look
        assertEquals(0, r.count(), "a chain has no cycle");
        d.on(edge(b, chain[1], Hooks.MONITOR, chain[0], Hooks.MONITOR, null)); // closes chain[0] -> chain[1]
        d.flush();
        assertEquals(1, r.count(), "the new edge is searched from at the next look");
    }

    @Test
    void oneInversionFirstSeenAtSwappedSitesOnTwoInstancePairs_isOneReport(@TempDir Path dir) {
        // failsafe's RetryPolicyExecutor:153/160: both orders are taken at both lines, and which line
        // showed an instance pair's edge first differed between pairs
        int s153 = Sites.add("lockcheck/Retry", "run", "Retry.java", 153);
        int s160 = Sites.add("lockcheck/Retry", "run", "Retry.java", 160);
        Reporter r = reporter(dir);
        LockOrderInversion d = new LockOrderInversion(r, Options.parse(null), written);
        Object x1 = new int[1], y1 = new long[1], x2 = new int[1], y2 = new long[1]; // two lock classes, by type
        d.on(siteEdge(a, x1, y1, s153));
        d.on(siteEdge(b, y1, x1, s160));
        d.on(siteEdge(a, x2, y2, s160));
        d.on(siteEdge(b, y2, x2, s153));
        d.flush();
        assertEquals(1, r.count());
    }

    private static Event siteEdge(ThreadState t, Object from, Object to, int site) {
        return new Event(t, Hooks.EV_EDGE, Hooks.MONITOR, Hooks.MONITOR, false, to, from, null, site, 0, 0);
    }
}
