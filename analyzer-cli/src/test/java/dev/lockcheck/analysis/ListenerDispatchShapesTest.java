package dev.lockcheck.analysis;

import java.nio.file.Path;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listener dispatch under a lock (issue 10, shape 6): an interface call on a listener reaches the
 * implementations in the sources; what they lock counts, graded by the evidence rules.
 */
class ListenerDispatchShapesTest {
    @TempDir
    Path dir;

    @Test
    @Disabled("known miss under the prefilter: a listener interface that neither locks nor names a handoff type is "
            + "not parsed, so l.onChange() under the lock does not reach Audit.onChange (--no-prefilter finds both "
            + "edges); parsing such interfaces when an implementation can act cost +40% scan time on hadoop-hdfs")
    void listenerTakingAMonitor_underTheHoldersLock_ordersThroughTheOnlyImplementation() {
        new Fixture(dir)
                .file("Listener.java",
                "interface Listener { void onChange(int state); }")
                .file("Audit.java",
                "class Audit implements Listener {",
                "    private final Object log = new Object();",
                "    private Store store;",
                "    public void onChange(int state) {",
                "        synchronized (log) {",
                "            System.out.println(state);",
                "        }",
                "    }",
                "    void flush() {",
                "        synchronized (log) {",
                "            store.set(0);                          // expect: LC007",
                "        }",
                "    }",
                "}")
                .file("Store.java",
                "import java.util.List;",
                "import java.util.concurrent.CopyOnWriteArrayList;",
                "import java.util.concurrent.locks.ReentrantLock;",
                "class Store {",
                "    private final List<Listener> listeners = new CopyOnWriteArrayList<>();",
                "    private final ReentrantLock lock = new ReentrantLock();",
                "    private int state;",
                "    void set(int s) {",
                "        lock.lock();",
                "        try {",
                "            state = s;",
                "            for (Listener l : listeners) l.onChange(s);   // expect: LC007",
                "        } finally {",
                "            lock.unlock();",
                "        }",
                "    }",
                "}")
                .file("Admin.java",
                "class Admin {",
                "    synchronized void reset(Store store) { store.set(0); }   // another caller, not holding Audit.log",
                "}")
                .assertExactlyMarked();
    }

    @Test
    @Disabled("known miss under the prefilter: Resync.java names no lock and no handoff type, so it is not parsed "
            + "and l.onChange(this) reaches nothing (the full parse finds it: ..._fullParse below); parsing every "
            + "implementation of an interface called under a lock added 36 guessed LC007 warnings on apache/kafka")
    void listenerCallingBackIntoTheHoldersWriteLock_isUpgrade() {
        holderPassingItself(new Fixture(dir)).assertExactlyMarked();
    }

    /** The holder hands itself to the listener ({@code l.onChange(this)}): the listener's parameter is the holder. */
    @Test
    void listenerCallingBackIntoTheHoldersWriteLock_isUpgrade_fullParse() {
        holderPassingItself(new Fixture(dir).fullParse()).assertExactlyMarked();
    }

    private static Fixture holderPassingItself(Fixture f) {
        return f
                .file("Listener.java",
                "interface Listener { void onChange(Holder h); }")
                .file("Resync.java",
                "class Resync implements Listener {",
                "    public void onChange(Holder h) { h.update(); }",
                "}")
                .file("Holder.java",
                "import java.util.List;",
                "import java.util.concurrent.CopyOnWriteArrayList;",
                "import java.util.concurrent.locks.ReentrantReadWriteLock;",
                "class Holder {",
                "    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();",
                "    private final List<Listener> listeners = new CopyOnWriteArrayList<>();",
                "    void update() { rw.writeLock().lock(); rw.writeLock().unlock(); }",
                "    void fire() {",
                "        rw.readLock().lock();",
                "        try {",
                "            for (Listener l : listeners) l.onChange(this);   // expect: LC002",
                "        } finally {",
                "            rw.readLock().unlock();",
                "        }",
                "    }",
                "}")
                ;
    }

    /**
     * A listener that registered itself with the holder through its field
     * ({@code this.cluster = cluster; cluster.addListener(this)}) is called back by that holder: in
     * the callback its {@code cluster} is the holder, and its write lock is the lock read here.
     */
    @Test
    void listenerRegisteredThroughItsField_callingTheHoldersWritePath_isUpgrade() {
        new Fixture(dir)
                .file("Cluster.java",
                "import java.util.List;",
                "import java.util.concurrent.CopyOnWriteArrayList;",
                "import java.util.concurrent.locks.ReentrantReadWriteLock;",
                "class Cluster {",
                "    interface Listener { void changed(int size); }",
                "    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();",
                "    private final List<Listener> listeners = new CopyOnWriteArrayList<>();",
                "    private int size;",
                "    void addListener(Listener l) { listeners.add(l); }",
                "    void refresh() {",
                "        rw.readLock().lock();",
                "        try {",
                "            for (Listener l : listeners) l.changed(size);   // expect: LC002",
                "        } finally {",
                "            rw.readLock().unlock();",
                "        }",
                "    }",
                "    void shrink() {",
                "        rw.writeLock().lock();",
                "        try { size--; } finally { rw.writeLock().unlock(); }",
                "    }",
                "}")
                .file("Balancer.java",
                "import java.util.concurrent.locks.ReentrantLock;",
                "class Balancer implements Cluster.Listener {",
                "    private final ReentrantLock stats = new ReentrantLock();",
                "    private final Cluster cluster;",
                "    Balancer(Cluster cluster) {",
                "        this.cluster = cluster;",
                "        cluster.addListener(this);",
                "    }",
                "    public void changed(int size) {",
                "        if (size > 10) cluster.shrink();",
                "    }",
                "}")
                .assertExactlyMarked();
    }

    /** The listener registered with one cluster and writes to another it was given: another object's lock, no upgrade. */
    @Test
    void listenerWritingToAnotherObjectThanItRegisteredWith_isClean() {
        new Fixture(dir)
                .file("Cluster.java",
                "import java.util.List;",
                "import java.util.concurrent.CopyOnWriteArrayList;",
                "import java.util.concurrent.locks.ReentrantReadWriteLock;",
                "class Cluster {",
                "    interface Listener { void changed(int size); }",
                "    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();",
                "    private final List<Listener> listeners = new CopyOnWriteArrayList<>();",
                "    private int size;",
                "    void addListener(Listener l) { listeners.add(l); }",
                "    void refresh() {",
                "        rw.readLock().lock();",
                "        try {",
                "            for (Listener l : listeners) l.changed(size);",
                "        } finally {",
                "            rw.readLock().unlock();",
                "        }",
                "    }",
                "    void shrink() {",
                "        rw.writeLock().lock();",
                "        try { size--; } finally { rw.writeLock().unlock(); }",
                "    }",
                "}")
                .file("Mirror.java",
                "import java.util.concurrent.locks.ReentrantLock;",
                "class Mirror implements Cluster.Listener {",
                "    private final ReentrantLock stats = new ReentrantLock();",
                "    private final Cluster standby;",
                "    Mirror(Cluster primary, Cluster standby) {",
                "        this.standby = standby;",
                "        primary.addListener(this);",
                "    }",
                "    public void changed(int size) {",
                "        if (size > 10) standby.shrink();",
                "    }",
                "}")
                .assertClean();
    }
}