package dev.lockcheck.agent.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ThreadStateTest {
    @Test
    void newThread_startsWithASmallRing() {
        assertEquals(ThreadState.FIRST_RING, new ThreadState(Thread.currentThread()).hand.ring.size());
    }

    /** A ring full of events not drained yet grows, and every one of them is still at its event number's slot. */
    @Test
    void grownRing_keepsTheUndrainedEvents() {
        ThreadState.Log ts = new ThreadState(Thread.currentThread()).order;
        long head = 1000; // events 936..999 in the ring, none drained since 936
        ThreadState.Ring old = ts.ring;
        for (long h = head - old.size(); h < head; h++) {
            old.evCode[(int) h & old.mask] = (int) h;
            old.evObj[(int) h & old.mask] = "e" + h;
            old.evTime[(int) h & old.mask] = h * 10;
        }
        ThreadState.Ring r = ts.grow(head);
        assertEquals(2 * old.size(), r.size());
        assertEquals(r, ts.ring);
        for (long h = head - old.size(); h < head; h++) {
            assertEquals((int) h, r.evCode[(int) h & r.mask]);
            assertEquals("e" + h, r.evObj[(int) h & r.mask]);
            assertEquals(h * 10, r.evTime[(int) h & r.mask]);
        }
    }

    @Test
    void edge_isLoggedOncePerToFromGateAndModes() {
        ThreadState ts = new ThreadState(Thread.currentThread());
        Object a = new Object(), b = new Object(), g = new Object();
        org.junit.jupiter.api.Assertions.assertFalse(ts.seenEdge(b, a, null, 1));
        org.junit.jupiter.api.Assertions.assertTrue(ts.seenEdge(b, a, null, 1));
        org.junit.jupiter.api.Assertions.assertFalse(ts.seenEdge(b, a, g, 1), "another gate");
        org.junit.jupiter.api.Assertions.assertFalse(ts.seenEdge(b, a, null, 2), "other modes");
        org.junit.jupiter.api.Assertions.assertFalse(ts.seenEdge(a, b, null, 1), "the other order");
        for (int i = 0; i < ThreadState.EDGES; i++) ts.seenEdge(new Object(), a, null, 1);
        org.junit.jupiter.api.Assertions.assertFalse(ts.seenEdge(b, a, null, 1), "pushed out by newer edges: logged again");
    }
}
