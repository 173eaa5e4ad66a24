package dev.lockcheck.agent;

import dev.lockcheck.agent.boot.Hooks;
import dev.lockcheck.agent.boot.ThreadState;
import dev.lockcheck.report.Finding;
import dev.lockcheck.report.ThreadSnapshot;
import dev.lockcheck.rules.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * LC206: one call site fails tryLock on one lock more than N times a second (option storm, default
 * 1000). The hot path only counts failures per thread in a one-second window and raises a flag; the
 * watchdog reports each call site and lock once.
 */
final class TryLockStorm {
    static final String ID = "LC206";

    private final Reporter reporter;
    private final Options options;
    private final Set<String> seen = new HashSet<>();

    TryLockStorm(Reporter reporter, Options options) {
        this.reporter = reporter;
        this.options = options;
    }

    /** No cycle: one thread asking for the lock again and again (a waits-for edge, with the mode unknown). */
    private static dev.lockcheck.report.Cycle cycleData(ThreadState ts, Object key, int site) {
        CycleData d = new CycleData(false);
        String t = d.thread(ts, ts.thread.getName(), CycleData.at(site));
        d.waitsFor(t, d.lock(key), null, CycleData.at(site), false);
        return d.build();
    }

    void scan() {
        for (ThreadState ts : Hooks.threads()) {
            int site = ts.stormHit;
            if (site == 0) continue;
            ts.stormHit = 0;
            Object key = ts.stormKey;
            if (key == null || !seen.add(Names.frame(site) + "|" + System.identityHashCode(key))) continue;
            if (!options.includes(HandoffDeadlock.allocationClass(key))) continue;
            String lock = Names.lock(key);
            String msg = "tryLock on " + lock + " failed more than " + Hooks.stormThreshold + " times within a second at "
                    + Names.frame(site) + ": a busy retry loop burns a core and starves the holder"
                    + " (block with lock(), or back off between attempts)";
            List<String> stack = Reporter.stack(ts.thread.getStackTrace());
            Finding f = new Finding(ID, Severity.WARNING, msg, Reporter.location(List.of(), site), lock,
                    Reporter.trace(HandoffDeadlock.step(site, "tryLock fails in a loop")),
                    List.of(new ThreadSnapshot(ts.thread.getName(), ts.thread.getId(), ts.thread.getState().name(), stack)),
                    Reporter.fingerprint(ID, Names.frame(site)), null, cycleData(ts, key, site));
            reporter.report(f, Reporter.banner(ID, "TryLockStorm", "tryLock retried in a busy loop")
                    + "\"" + ts.thread.getName() + "\": tryLock(" + Names.shortLock(key) + ") failed "
                    + ts.stormHitCount + "+ times in 1 s at " + Names.frame(site) + "\n\n");
        }
    }
}
