package lockcheck.samples.lc002;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A holder fires its listeners under its read lock; a listener that registered itself with the
 * holder ({@code cluster.addListener(this)}) is called back by that holder, so when it calls the
 * holder's write path it asks for the write lock of the very lock its thread reads: an upgrade.
 */
public class ListenerCallsBack {
    interface MembershipListener {
        void membersChanged(Set<String> live);
    }

    /** Bad: refresh() holds the read lock while the load balancer it notifies calls markDown(). */
    static class Cluster {
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private final Set<String> live = new HashSet<>();
        private final List<MembershipListener> listeners = new CopyOnWriteArrayList<>();

        void addListener(MembershipListener l) {
            listeners.add(l);
        }

        void refresh() {
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

        void markDown(String node) {
            lock.writeLock().lock();
            try {
                live.remove(node);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    static class LoadBalancer implements MembershipListener {
        private final Cluster cluster;
        private final Set<String> unreachable = new HashSet<>();

        LoadBalancer(Cluster cluster) {
            this.cluster = cluster;
            cluster.addListener(this);
        }

        @Override
        public void membersChanged(Set<String> live) {
            for (String node : live) {
                if (unreachable.contains(node)) cluster.markDown(node);
            }
        }
    }

    /** Fixed: the view is copied under the read lock and the listeners are called after it is released. */
    static class FixedCluster {
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private final Set<String> live = new HashSet<>();
        private final List<FixedListener> listeners = new CopyOnWriteArrayList<>();

        void addListener(FixedListener l) {
            listeners.add(l);
        }

        void refresh() {
            Set<String> view;
            lock.readLock().lock();
            try {
                view = Set.copyOf(live);
            } finally {
                lock.readLock().unlock();
            }
            for (FixedListener l : listeners) l.membersChanged(view);
        }

        void markDown(String node) {
            lock.writeLock().lock();
            try {
                live.remove(node);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    interface FixedListener {
        void membersChanged(Set<String> live);
    }

    static class FixedBalancer implements FixedListener {
        private final FixedCluster cluster;

        FixedBalancer(FixedCluster cluster) {
            this.cluster = cluster;
            cluster.addListener(this);
        }

        @Override
        public void membersChanged(Set<String> live) {
            for (String node : live) cluster.markDown(node);
        }
    }

    /**
     * Clean look-alike: the mirror listens to one view and writes to another it was given (a
     * standby), never to the view that calls it: another object's write lock, no upgrade.
     */
    static class View {
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private final Set<String> live = new HashSet<>();
        private final List<ViewListener> listeners = new CopyOnWriteArrayList<>();

        void addListener(ViewListener l) {
            listeners.add(l);
        }

        void publish() {
            lock.readLock().lock();
            try {
                for (ViewListener l : listeners) l.changed(Set.copyOf(live));
            } finally {
                lock.readLock().unlock();
            }
        }

        void replace(Set<String> nodes) {
            lock.writeLock().lock();
            try {
                live.clear();
                live.addAll(nodes);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    interface ViewListener {
        void changed(Set<String> live);
    }

    static class Mirror implements ViewListener {
        private final View standby;

        Mirror(View primary, View standby) {
            this.standby = standby;
            primary.addListener(this);
        }

        @Override
        public void changed(Set<String> live) {
            standby.replace(live);
        }
    }
}
