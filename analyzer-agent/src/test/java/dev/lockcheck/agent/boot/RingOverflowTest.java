package dev.lockcheck.agent.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Handoff and hold events are what LC202 and the live detector pair up; read acquisitions come by
 * the million. A flood of reads must not push a handoff out of the thread's ring before a drain.
 */
class RingOverflowTest {
    /** Runs body on a fresh thread (its own tracker state) and returns that state. */
    private static ThreadState onThread(java.util.function.Consumer<ThreadState> body) throws Exception {
        AtomicReference<ThreadState> got = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                Object marker = new Object();
                Hooks.handoffOp(marker, Hooks.PRODUCE, 1); // registers the thread, ticks the clock
                ThreadState ts = null;
                for (ThreadState s : Hooks.threads()) if (s.thread == Thread.currentThread()) ts = s;
                assertNotNull(ts);
                got.set(ts);
                body.accept(ts);
            } catch (Throwable e) {
                failed.set(e);
            }
        });
        t.start();
        t.join();
        if (failed.get() != null) throw new AssertionError(failed.get());
        return got.get();
    }

    /** The events still in a ring (the last ring-size of them), as {kind, obj, site}. */
    private static List<Object[]> events(ThreadState.Log log) {
        List<Object[]> out = new ArrayList<>();
        ThreadState.Ring r = log.ring;
        for (long h = Math.max(0, log.head - r.size()); h < log.head; h++) {
            int i = (int) h & r.mask;
            out.add(new Object[] {r.evCode[i] & 15, r.evObj[i], r.evSite[i]});
        }
        return out;
    }

    private static long count(List<Object[]> evs, int kind, Object obj) {
        return evs.stream().filter(e -> (int) e[0] == kind && (obj == null || e[1] == obj)).count();
    }

    @Test
    void floodOfReadsOnManyLocksAndSites_leavesTheHoldAndTheHandoffInTheRing() throws Exception {
        Object held = new Object(), queue = new Object();
        Object[] locks = new Object[1000];
        for (int i = 0; i < locks.length; i++) locks[i] = new Object();
        ThreadState ts = onThread(s -> {
            Hooks.tick();
            Hooks.acquired(s, held, Hooks.READ, 7);
            Hooks.handoffBegin(queue, Hooks.CONSUME, 8); // waits holding the read: HOLD + HBEGIN
            Hooks.handoffEnd(queue, Hooks.CONSUME, 8);
            Hooks.released(s, held, Hooks.READ);
            for (int n = 0; n < 200_000; n++) { // other threads' handoffs move the clock meanwhile
                if (n % 16 == 0) Hooks.tick();
                Object l = locks[n % locks.length];
                int site = 100 + n % 997;
                Hooks.acquired(s, l, Hooks.READ, site);
                Hooks.released(s, l, Hooks.READ);
            }
        });
        assertTrue(ts.order.head > ThreadState.RING, "the flood overflowed the order ring: " + ts.order.head);
        List<Object[]> hand = events(ts.hand);
        assertEquals(1, count(hand, Hooks.EV_HOLD, held), "the read hold the handoff began with");
        assertEquals(1, count(hand, Hooks.EV_HBEGIN, queue));
        assertEquals(1, count(hand, Hooks.EV_HEND, queue));
        assertTrue(ts.hand.head < ts.hand.ring.size(), "nothing in the handoff ring was overwritten: " + ts.hand.head);
    }

    @Test
    void repeatedReadsAtOneSiteBetweenTwoHandoffs_areOneEvent_loggedBeforeTheHandoff() throws Exception {
        Object lock = new Object(), other = new Object(), queue = new Object();
        ThreadState ts = onThread(s -> {
            for (int n = 0; n < 100_000; n++) {
                if (n % 16 == 0) Hooks.tick();
                Hooks.acquired(s, lock, Hooks.READ, 40);
                Hooks.released(s, lock, Hooks.READ);
                Hooks.acquired(s, other, Hooks.STAMP_READ, 41);
                Hooks.released(s, other, Hooks.STAMP_READ);
            }
            Hooks.handoffOp(queue, Hooks.PRODUCE, 42);
        });
        List<Object[]> hand = events(ts.hand);
        assertEquals(1, count(hand, Hooks.EV_ACQ, lock), "one read event for the site");
        assertEquals(1, count(hand, Hooks.EV_ACQ, other));
        Object[] last = hand.get(hand.size() - 1);
        assertEquals(Hooks.EV_HOP, last[0], "the reads come before the handoff that completes");
        assertEquals(0, ts.order.head, "no acquisition event went to the order ring");
    }

    /**
     * A first read reaches the read table at its release (outside the critical section); a handoff
     * completed while the read is still held must log it all the same, before the handoff, with the
     * clock of the acquisition (LC202: B's read between A's acquisition and B's completion).
     */
    @Test
    void aReadStillHeldAtAHandoff_isLoggedBeforeIt_withItsAcquisitionClock() throws Exception {
        Object lock = new Object(), inner = new Object(), queue = new Object();
        long[] at = new long[2];
        ThreadState ts = onThread(s -> {
            at[0] = Hooks.tick();
            Hooks.acquired(s, lock, Hooks.READ, 50); // the only lock held: the fast path
            Hooks.tick(); // another thread's handoff while the read is held
            Hooks.acquired(s, inner, Hooks.STAMP_READ, 51); // nested: into the table at once
            at[1] = Hooks.tick();
            Hooks.handoffOp(queue, Hooks.PRODUCE, 52); // completes a handoff holding both reads
            Hooks.released(s, inner, Hooks.STAMP_READ);
            Hooks.released(s, lock, Hooks.READ); // the release finds the reads logged: nothing new
            Hooks.handoffOp(queue, Hooks.PRODUCE, 53);
        });
        List<Object[]> hand = events(ts.hand);
        assertEquals(1, count(hand, Hooks.EV_ACQ, lock), "the held read, once: " + hand.size() + " events");
        assertEquals(1, count(hand, Hooks.EV_ACQ, inner));
        int read = -1, hop = -1;
        for (int i = 0; i < hand.size(); i++) {
            if ((int) hand.get(i)[0] == Hooks.EV_ACQ && hand.get(i)[1] == lock) read = i;
            if ((int) hand.get(i)[0] == Hooks.EV_HOP && (int) hand.get(i)[2] == 52) hop = i;
        }
        assertTrue(read >= 0 && hop > read, "the read comes before the handoff completed while it was held: read " + read + ", handoff " + hop);
        ThreadState.Ring r = ts.hand.ring;
        long time = -1;
        for (long h = 0; h < ts.hand.head; h++) {
            int i = (int) h & r.mask;
            if ((r.evCode[i] & 15) == Hooks.EV_ACQ && r.evObj[i] == lock) time = r.evTime[i];
        }
        assertEquals(at[0], time, "the clock the read was acquired at, not a later one");
        assertEquals(0, count(events(ts.order), Hooks.EV_ACQ, null), "no read pushed to the order ring (only the edge is there)");
    }
}
