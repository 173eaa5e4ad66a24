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

    /** The last edges logged at each depth are known only above the same held entries, in the same modes. */
    @Test
    void edgesKnown_onlyAboveTheSameHeldEntries() {
        ThreadState ts = new ThreadState(Thread.currentThread());
        Object a = new Object(), b = new Object(), c = new Object();
        ts.key0 = a;
        ts.mode0 = Hooks.MONITOR;
        ts.keyN[1] = b;
        ts.modeN[1] = Hooks.EXCLUSIVE;
        ts.heldCount = 2;
        org.junit.jupiter.api.Assertions.assertFalse(ts.edgesKnown(2, c, Hooks.EXCLUSIVE), "nothing logged yet");
        ts.edgesLogged(2, c, Hooks.EXCLUSIVE);
        org.junit.jupiter.api.Assertions.assertTrue(ts.edgesKnown(2, c, Hooks.EXCLUSIVE));
        org.junit.jupiter.api.Assertions.assertFalse(ts.edgesKnown(2, c, Hooks.READ), "another mode taken");
        org.junit.jupiter.api.Assertions.assertFalse(ts.edgesKnown(2, a, Hooks.EXCLUSIVE), "another lock taken");
        org.junit.jupiter.api.Assertions.assertFalse(ts.edgesKnown(1, c, Hooks.EXCLUSIVE), "another depth");
        ts.modeN[1] = Hooks.MONITOR;
        org.junit.jupiter.api.Assertions.assertFalse(ts.edgesKnown(2, c, Hooks.EXCLUSIVE), "slot 1 held in another mode");
        ts.modeN[1] = Hooks.EXCLUSIVE;
        ts.key0 = c;
        org.junit.jupiter.api.Assertions.assertFalse(ts.edgesKnown(2, c, Hooks.EXCLUSIVE), "another lock in slot 0");
        ts.key0 = a;
        ts.mode0 = Hooks.READ;
        org.junit.jupiter.api.Assertions.assertFalse(ts.edgesKnown(2, c, Hooks.EXCLUSIVE), "slot 0 in another mode");
        ts.mode0 = Hooks.MONITOR;
        org.junit.jupiter.api.Assertions.assertTrue(ts.edgesKnown(2, c, Hooks.EXCLUSIVE));
        ts.edgesLogged(1, b, Hooks.EXCLUSIVE); // depth 1 lives in fields: the same rules
        org.junit.jupiter.api.Assertions.assertTrue(ts.edgesKnown(1, b, Hooks.EXCLUSIVE));
        org.junit.jupiter.api.Assertions.assertTrue(ts.edgesKnown(2, c, Hooks.EXCLUSIVE), "depth 2 kept apart");
        org.junit.jupiter.api.Assertions.assertFalse(ts.edgesKnown(1, b, Hooks.READ), "depth 1, another mode taken");
        org.junit.jupiter.api.Assertions.assertFalse(ts.edgesKnown(1, c, Hooks.EXCLUSIVE), "depth 1, another lock taken");
        ts.mode0 = Hooks.READ;
        org.junit.jupiter.api.Assertions.assertFalse(ts.edgesKnown(1, b, Hooks.EXCLUSIVE), "depth 1, slot 0 in another mode");
        ts.mode0 = Hooks.MONITOR;
        ts.key0 = c;
        org.junit.jupiter.api.Assertions.assertFalse(ts.edgesKnown(1, b, Hooks.EXCLUSIVE), "depth 1, another lock in slot 0");
        ts.key0 = a;
        ts.edgesLogged(ThreadState.EDGE_DEPTH, c, Hooks.EXCLUSIVE);
        org.junit.jupiter.api.Assertions.assertFalse(ts.edgesKnown(ThreadState.EDGE_DEPTH, c, Hooks.EXCLUSIVE), "past EDGE_DEPTH nothing is kept");
    }
}
