package dev.lockcheck.agent;

import dev.lockcheck.agent.boot.Hooks;
import dev.lockcheck.agent.boot.ThreadState;

/** One drained tracker event (see {@code Hooks.EV_*}); built off the hot path by the watchdog. */
record Event(ThreadState thread, int kind, int mode, int mode2, boolean reentrant,
             Object obj, Object obj2, Object obj3, int site, long time, long aux) {

    static Event decode(ThreadState ts, int code, Object o, Object o2, Object o3, int site, long time, long aux) {
        return new Event(ts, code & 15, (code >> 4) & 15, (code >> 8) & 15, (code & Hooks.REENTRANT) != 0,
                o, o2, o3, site, time, aux);
    }
}
