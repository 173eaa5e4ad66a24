package dev.lockcheck.agent.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The held stack after releases in and out of order, with reentrancy: the innermost-release fast
 * path must leave exactly what the general path leaves (the live detector and the order edges read it).
 * Slot 0 lives in the state's fields and slots 1 and up in its arrays, so each case reads the stack
 * through the accessors the detectors use, across that seam.
 */
class HeldStackTest {
    private static List<String> held(ThreadState ts) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ts.heldCount; i++) out.add(ts.heldKey(i) + ":" + ts.heldMode(i) + "x" + ts.heldDepth(i));
        return out;
    }

    private static ThreadState state() {
        for (ThreadState s : Hooks.threads()) if (s.thread == Thread.currentThread()) return s;
        throw new AssertionError("not registered");
    }

    /** Runs body on a fresh registered thread (its own state) and rethrows what it threw. */
    private static void onFreshThread(Consumer<ThreadState> body) throws Exception {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                Hooks.handoffOp(new Object(), Hooks.PRODUCE, 1); // registers the thread
                body.accept(state());
            } catch (Throwable e) {
                failed.set(e);
            }
        });
        t.start();
        t.join();
        if (failed.get() != null) throw new AssertionError(failed.get());
    }

    @Test
    void releasesInAndOutOfOrder_leaveTheLocksStillHeld() throws Exception {
        onFreshThread(ts -> {
            String a = "A", b = "B", c = "C";
            Hooks.acquired(ts, a, Hooks.MONITOR, 1);
            Hooks.acquired(ts, b, Hooks.EXCLUSIVE, 2);
            Hooks.acquired(ts, c, Hooks.MONITOR, 3);
            Hooks.acquired(ts, c, Hooks.MONITOR, 4); // reentrant: depth 2 on top
            Hooks.released(ts, c, Hooks.MONITOR);
            assertEquals(List.of("A:5x1", "B:2x1", "C:5x1"), held(ts), "the reentrant top keeps one hold");
            Hooks.released(ts, c, Hooks.MONITOR);
            assertEquals(List.of("A:5x1", "B:2x1"), held(ts));
            Hooks.released(ts, b, Hooks.READ); // not held in that mode: nothing changes
            assertEquals(List.of("A:5x1", "B:2x1"), held(ts));
            Hooks.acquired(ts, c, Hooks.READ, 5);
            Hooks.released(ts, b, Hooks.EXCLUSIVE); // out of order: the entries above shift down
            assertEquals(List.of("A:5x1", "C:0x1"), held(ts));
            Hooks.released(ts, c, Hooks.READ);
            Hooks.released(ts, a, Hooks.MONITOR);
            assertEquals(List.of(), held(ts));
            Hooks.released(ts, a, Hooks.MONITOR); // released more often than taken (tracking started late)
            assertEquals(0, ts.heldCount);
        });
    }

    /** Slot 0 lives in the state's fields, the rest in arrays: dropping the outermost entry moves slot 1 into the fields. */
    @Test
    void releasingTheOutermostLock_movesTheNextIntoSlotZero() throws Exception {
        onFreshThread(ts -> {
            String a = "A", b = "B", c = "C";
            Hooks.acquired(ts, a, Hooks.READ, 1);
            Hooks.acquired(ts, b, Hooks.EXCLUSIVE, 2);
            Hooks.acquired(ts, c, Hooks.MONITOR, 3);
            Hooks.released(ts, a, Hooks.READ);
            assertEquals(List.of("B:2x1", "C:5x1"), held(ts));
            assertEquals(2, ts.heldSite(0));
            assertEquals(0, ts.find(b, Hooks.EXCLUSIVE));
            assertEquals(1, ts.findAny(c));
            assertEquals(-1, ts.findAny(a));
            Hooks.acquired(ts, b, Hooks.EXCLUSIVE, 4); // reentrant in slot 0
            Hooks.released(ts, c, Hooks.MONITOR);
            assertEquals(List.of("B:2x2"), held(ts));
            Hooks.released(ts, b, Hooks.EXCLUSIVE);
            Hooks.released(ts, b, Hooks.EXCLUSIVE);
            assertEquals(List.of(), held(ts));
            assertEquals(-1, ts.findAny(b), "a stale slot 0 is not held");
        });
    }

    /** A lock wait is the held stack's next slot: slot 0's fields while nothing is held, an array slot above. */
    @Test
    void lockWait_isNamedAtEveryDepth() throws Exception {
        onFreshThread(ts -> {
            String a = "A", b = "B";
            Hooks.before(ts, a, Hooks.EXCLUSIVE, 7, true);
            assertEquals(a, ts.waitingFor());
            assertEquals(Hooks.EXCLUSIVE, ts.waitCodeNow());
            assertEquals(7, ts.waitSiteNow());
            Hooks.acquired(ts, a, Hooks.EXCLUSIVE, 7);
            assertEquals(null, ts.waitingFor());
            Hooks.before(ts, b, Hooks.READ, 8, true);
            assertEquals(b, ts.waitingFor());
            assertEquals(Hooks.READ, ts.waitCodeNow());
            assertEquals(8, ts.waitSiteNow());
            Hooks.acquired(ts, b, Hooks.READ, 8);
            assertEquals(List.of("A:2x1", "B:0x1"), held(ts));
            Hooks.released(ts, b, Hooks.READ);
            Hooks.released(ts, a, Hooks.EXCLUSIVE);
            Hooks.before(ts, b, Hooks.WRITE, 9, true); // slot 0 again, another lock
            assertEquals(b, ts.waitingFor());
            assertEquals(Hooks.WRITE, ts.waitCodeNow());
            assertEquals(9, ts.waitSiteNow());
            Hooks.gaveUp(ts);
            assertEquals(null, ts.waitingFor());
            assertEquals(List.of(), held(ts));
        });
    }

    /** Past MAX_HELD the acquisitions only count, and their releases leave the stack as it was. */
    @Test
    void overflowingTheStack_keepsTheFirstEntries() throws Exception {
        onFreshThread(ts -> {
            Object[] locks = new Object[ThreadState.MAX_HELD + 2];
            for (int i = 0; i < locks.length; i++) {
                locks[i] = "L" + i;
                Hooks.acquired(ts, locks[i], Hooks.MONITOR, i + 1);
            }
            assertEquals(ThreadState.MAX_HELD, ts.heldCount);
            assertEquals(2, ts.overflow);
            assertEquals(locks[0], ts.heldKey(0));
            assertEquals(locks[ThreadState.MAX_HELD - 1], ts.heldKey(ThreadState.MAX_HELD - 1));
            assertEquals(null, ts.waitingFor());
            for (int i = locks.length - 1; i >= 0; i--) Hooks.released(ts, locks[i], Hooks.MONITOR);
            assertEquals(0, ts.heldCount);
            assertEquals(0, ts.overflow);
        });
    }

    /** The order edges the thread logged since event number from, as "from>to" (its order ring). */
    private static List<String> edges(ThreadState ts, long from) {
        List<String> out = new ArrayList<>();
        ThreadState.Ring r = ts.order.ring;
        for (long h = from; h < ts.order.head; h++) {
            int i = (int) h & r.mask;
            if ((r.evCode[i] & 15) == Hooks.EV_EDGE) out.add(r.evObj2[i] + ">" + r.evObj[i]);
        }
        return out;
    }

    private static void nest(ThreadState ts, int mode, Object... locks) {
        for (int i = 0; i < locks.length; i++) Hooks.acquired(ts, locks[i], i == locks.length - 1 ? mode : Hooks.MONITOR, i + 1);
        for (int i = locks.length - 1; i >= 0; i--) Hooks.released(ts, locks[i], i == locks.length - 1 ? mode : Hooks.MONITOR);
    }

    /**
     * A nested acquisition repeated above the same held entries logs its edges once; the same lock
     * taken at the same depth above another entry (at slot 0, at slot 1, or in another mode) has
     * other edges, and they are logged.
     */
    @Test
    void nestedRepeat_logsItsEdgesOnce_andAnotherLockBelowLogsItsOwn() throws Exception {
        onFreshThread(ts -> {
            String a = "A", b = "B", c = "C", d = "D";
            long h = ts.order.head;
            for (int r = 0; r < 3; r++) nest(ts, Hooks.EXCLUSIVE, a, c);
            assertEquals(List.of("A>C"), edges(ts, h));
            nest(ts, Hooks.EXCLUSIVE, b, c); // same lock, same depth, another lock held below
            assertEquals(List.of("A>C", "B>C"), edges(ts, h));
            nest(ts, Hooks.EXCLUSIVE, a, c);
            nest(ts, Hooks.MONITOR, a, c); // the same locks in other modes
            assertEquals(List.of("A>C", "B>C", "A>C"), edges(ts, h));
            for (int r = 0; r < 3; r++) nest(ts, Hooks.EXCLUSIVE, a, b, c);
            assertEquals(List.of("A>C", "B>C", "A>C", "A>B", "B>C"), edges(ts, h), "B>C gated by A is another edge; A>C, A>B known");
            nest(ts, Hooks.EXCLUSIVE, a, d, c); // slot 0 the same, slot 1 another lock
            assertEquals(List.of("A>C", "B>C", "A>C", "A>B", "B>C", "A>D", "D>C"), edges(ts, h));
            nest(ts, Hooks.EXCLUSIVE, a, b, c);
            assertEquals(7, edges(ts, h).size(), "back above A, B: known");
        });
    }
}
