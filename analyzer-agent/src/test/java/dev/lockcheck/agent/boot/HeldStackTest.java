package dev.lockcheck.agent.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The held stack after releases in and out of order, with reentrancy: the innermost-release fast
 * path must leave exactly what the general path leaves (the live detector and the order edges read it).
 */
class HeldStackTest {
    private static List<String> held(ThreadState ts) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ts.heldCount; i++) out.add(ts.heldKey[i] + ":" + ts.heldMode[i] + "x" + ts.heldDepth[i]);
        return out;
    }

    private static ThreadState state() {
        for (ThreadState s : Hooks.threads()) if (s.thread == Thread.currentThread()) return s;
        throw new AssertionError("not registered");
    }

    @Test
    void releasesInAndOutOfOrder_leaveTheLocksStillHeld() throws Exception {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                Hooks.handoffOp(new Object(), Hooks.PRODUCE, 1); // registers the thread
                ThreadState ts = state();
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
            } catch (Throwable e) {
                failed.set(e);
            }
        });
        t.start();
        t.join();
        if (failed.get() != null) throw new AssertionError(failed.get());
    }
}
