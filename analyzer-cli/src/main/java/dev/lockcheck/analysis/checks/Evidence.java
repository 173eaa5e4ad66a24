package dev.lockcheck.analysis.checks;

import dev.lockcheck.analysis.Body;
import dev.lockcheck.analysis.Held;
import dev.lockcheck.analysis.LockId;
import dev.lockcheck.analysis.Obs;
import dev.lockcheck.model.LockMode;
import dev.lockcheck.report.TraceStep;
import java.util.ArrayList;
import java.util.List;

/** Shared wording and traces for the checks' findings. */
final class Evidence {
    private Evidence() {
    }

    /** The trace of a finding: where the held lock was acquired, then the path down to the real operation. */
    static List<TraceStep> trace(Body body, Held held, Obs o) {
        List<TraceStep> out = new ArrayList<>(o.via().size() + 1);
        if (held != null) out.add(acquired(body, held));
        out.addAll(o.via());
        return out;
    }

    static TraceStep acquired(Body body, Held h) {
        return new TraceStep(body.file().source().relPath(), h.line(), h.ref().describe() + " acquired");
    }

    /** "at line 12" for the acquisition of a held lock. */
    static String where(Held h) {
        return "line " + h.line();
    }

    /** "" for an operation in the body itself; " through drain() (line 45; at Helper.java:30)" for one reached through calls. */
    static String through(Obs o) {
        if (o.direct()) return "";
        TraceStep first = o.via().get(0);
        TraceStep last = o.via().get(o.via().size() - 1);
        String callee = first.note().startsWith("calls ") ? first.note().substring(6) : first.note();
        return " through the call to " + callee + " at line " + first.line() + " (it happens at " + at(last) + ")";
    }

    /** {@code Helper.java:30}: a place in a message (the trace has the full path). */
    static String at(TraceStep s) {
        String f = s.file();
        int slash = f.lastIndexOf('/');
        return (slash >= 0 ? f.substring(slash + 1) : f) + ":" + s.line();
    }

    /** What the real operation is, from the last trace step: "SynchronousQueue.put". */
    static String operation(Obs o) {
        String note = o.via().get(o.via().size() - 1).note();
        int cut = note.indexOf(' ');
        return cut > 0 ? note.substring(0, cut) : note;
    }

    /** A hold of the same lock object in this mode (re-acquisition rules): same field and provably the same instance. */
    static Held findSame(List<Held> held, LockId id, LockMode mode, String instance) {
        for (Held h : held) if (h.ref().id().equals(id) && h.ref().mode() == mode && h.sameInstance(instance)) return h;
        return null;
    }

    static Held findAnySame(List<Held> held, LockId id, String instance) {
        for (Held h : held) if (h.ref().id().equals(id) && h.sameInstance(instance)) return h;
        return null;
    }

    static Held find(List<Held> held, LockId id, LockMode mode) {
        for (Held h : held) if (h.ref().id().equals(id) && h.ref().mode() == mode) return h;
        return null;
    }

}
