package dev.lockcheck.analysis;

import dev.lockcheck.model.LockMode;
import dev.lockcheck.report.TraceStep;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Everything the checks read: the project, and the facts of every body. */
public final class ProjectFacts {
    private final ProjectIndex index;
    private final Resolver resolver;
    private final List<ParsedFile> files;
    private final List<BodyResult> bodies;
    private final Map<LockId, TraceStep> writeSites = new HashMap<>();

    ProjectFacts(ProjectIndex index, Resolver resolver, List<ParsedFile> files, List<BodyResult> bodies) {
        this.index = index;
        this.resolver = resolver;
        this.files = files;
        this.bodies = bodies;
        for (BodyResult b : bodies) {
            for (Obs o : b.obs()) {
                if (o instanceof Obs.Acquire a && a.direct()
                        && (a.ref().mode() == LockMode.WRITE || a.ref().mode() == LockMode.STAMP_WRITE)) {
                    writeSites.putIfAbsent(a.ref().id(), a.via().get(0));
                }
            }
        }
    }

    public ProjectIndex index() {
        return index;
    }

    public Resolver resolver() {
        return resolver;
    }

    public List<ParsedFile> files() {
        return files;
    }

    public List<BodyResult> bodies() {
        return bodies;
    }

    /** Whether the lock is write-acquired (any form, including try and stamp conversion) anywhere in the sources. */
    public boolean isWriteAcquired(LockId id) {
        return writeSites.containsKey(id);
    }

    /** One place where the lock is write-acquired, or null. */
    public TraceStep writeSite(LockId id) {
        return writeSites.get(id);
    }
}
