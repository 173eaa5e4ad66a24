// Models: the fixed form of listener dispatch: the listeners are fired after the read lock is released, so a listener may take the write lock.
package heldout.listener3;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Topology {
    public interface Listener {
        void topologyChanged(List<String> racks);
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<String> racks = new ArrayList<>();
    private final List<Listener> listeners = new ArrayList<>();

    public synchronized void register(Listener l) {
        listeners.add(l);
    }

    public void refresh() {
        List<String> view;
        lock.readLock().lock();
        try {
            view = List.copyOf(racks);
        } finally {
            lock.readLock().unlock();
        }
        List<Listener> targets;
        synchronized (this) {
            targets = new ArrayList<>(listeners);
        }
        targets.forEach(l -> l.topologyChanged(view));
    }

    public void decommission(String rack) {
        lock.writeLock().lock();
        try {
            racks.remove(rack);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
