// Models: a cluster view that notifies listeners (a collection) while holding its read lock.
package heldout.listener1;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Cluster {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Set<String> live = new HashSet<>();
    private final List<MembershipListener> listeners = new CopyOnWriteArrayList<>();

    public void addListener(MembershipListener l) {
        listeners.add(l);
    }

    public void refresh() {
        lock.readLock().lock();
        try {
            Set<String> view = Set.copyOf(live);
            for (MembershipListener l : listeners) {
                l.membersChanged(view); // expect: LC002
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    public void markDown(String node) {
        lock.writeLock().lock();
        try {
            live.remove(node);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void join(String node) {
        lock.writeLock().lock();
        try {
            live.add(node);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
