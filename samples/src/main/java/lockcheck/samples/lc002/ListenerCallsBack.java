package lockcheck.samples.lc002;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A holder fires its listeners under its read lock; a listener that registered itself with the
 * holder ({@code board.watch(this)}) is called back by that holder, so when it calls the
 * holder's write path it asks for the write lock of the very lock its thread reads: an upgrade.
 */
public class ListenerCallsBack {
    interface QuoteWatcher {
        void quotesPublished(Map<String, Long> board);
    }

    /** Bad: publish() reads the board under the read lock while a watcher it calls delists a symbol. */
    static class PriceBoard {
        private final ReentrantReadWriteLock guard = new ReentrantReadWriteLock();
        private final Map<String, Long> prices = new HashMap<>();
        private final List<QuoteWatcher> watchers = new CopyOnWriteArrayList<>();

        void watch(QuoteWatcher w) {
            watchers.add(w);
        }

        void publish() {
            ReentrantReadWriteLock.ReadLock read = guard.readLock();
            read.lock();
            try {
                Map<String, Long> snapshot = Map.copyOf(prices);
                watchers.forEach(w -> w.quotesPublished(snapshot)); // expect: LC002
            } finally {
                read.unlock();
            }
        }

        void delist(String symbol) {
            guard.writeLock().lock();
            try {
                prices.remove(symbol);
            } finally {
                guard.writeLock().unlock();
            }
        }
    }

    static class HaltMonitor implements QuoteWatcher {
        private final PriceBoard board;
        private final Set<String> halted = new HashSet<>();

        HaltMonitor(PriceBoard board) {
            this.board = board;
            board.watch(this);
        }

        @Override
        public void quotesPublished(Map<String, Long> quotes) {
            quotes.keySet().stream().filter(halted::contains).forEach(board::delist);
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
