package dev.lockcheck.analysis;

import java.nio.file.Path;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listener dispatch (issue 10, shape 4) where the listener is a lambda, not a class: a holder
 * calls its listeners under its read lock, and a lambda registered with it calls back into its
 * write path. The lambda is found where it is given to a method taking the listener interface
 * ({@code onLowStock(StockListener l)}); the object it was registered with is the dispatcher's
 * {@code this} when that method belongs to the dispatcher's class. Also the loops real code
 * writes around listeners: {@code listeners.forEach(l -> l.x())}, {@code for (var l : ...)},
 * {@code map.forEach((k, l) -> l.x())}, and a listener passing a method reference
 * ({@code forEach(board::delist)}).
 */
class LambdaListenerShapesTest {
    /** A holder with a nested listener interface, firing it under its read lock. */
    private static final String[] INVENTORY = {
        "package shop;",
        "",
        "import java.util.ArrayList;",
        "import java.util.HashMap;",
        "import java.util.List;",
        "import java.util.Map;",
        "import java.util.concurrent.locks.ReentrantReadWriteLock;",
        "",
        "public class Inventory {",
        "    public interface StockListener {",
        "        void belowThreshold(String sku, int left);",
        "    }",
        "",
        "    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();",
        "    private final Map<String, Integer> stock = new HashMap<>();",
        "    private final List<StockListener> listeners = new ArrayList<>();",
        "",
        "    public void onLowStock(StockListener l) {",
        "        listeners.add(l);",
        "    }",
        "",
        "    public void audit(int threshold) {",
        "        rw.readLock().lock();",
        "        try {",
        "            stock.forEach((sku, n) -> {",
        "                if (n < threshold) listeners.forEach(l -> l.belowThreshold(sku, n));",
        "            });",
        "        } finally {",
        "            rw.readLock().unlock();",
        "        }",
        "    }",
        "",
        "    public void restock(String sku, int n) {",
        "        rw.writeLock().lock();",
        "        try {",
        "            stock.merge(sku, n, Integer::sum);",
        "        } finally {",
        "            rw.writeLock().unlock();",
        "        }",
        "    }",
        "}"};

    /** {@link #INVENTORY} with the dispatch line marked. */
    private static final String[] INVENTORY_MARKED = marked(INVENTORY, "listeners.forEach(l -> l.belowThreshold(sku, n));", "LC002");

    /** The bad form: a static helper in another file, which names no lock, registers a lambda restocking the same inventory. */
    private static final String[] REPLENISHER = {
        "package shop;",
        "",
        "public final class Replenisher {",
        "    private Replenisher() {",
        "    }",
        "",
        "    public static Inventory wire(Inventory inv, int batch) {",
        "        inv.onLowStock((sku, left) -> inv.restock(sku, batch - left));",
        "        return inv;",
        "    }",
        "}"};

    /** Look-alikes: a lambda restocking another inventory (another object's lock), one that only records. */
    private static final String[] MIRROR = {
        "package shop;",
        "",
        "import java.util.ArrayList;",
        "import java.util.List;",
        "",
        "public final class Mirror {",
        "    private final List<String> seen = new ArrayList<>();",
        "",
        "    public static void mirror(Inventory shop, Inventory warehouse, int batch) {",
        "        shop.onLowStock((sku, left) -> warehouse.restock(sku, batch));",
        "    }",
        "",
        "    public void watch(Inventory shop) {",
        "        shop.onLowStock((sku, left) -> seen.add(sku + \":\" + left));",
        "    }",
        "}"};

    /** The fixed form: the low entries are copied under the read lock, the listeners called after it. */
    private static final String[] INVENTORY_FIXED = Fixture.replacing(INVENTORY, "public void audit(int threshold) {",
            "public void restock(String sku, int n) {",
            "    public void audit(int threshold) {",
            "        Map<String, Integer> low = new HashMap<>();",
            "        rw.readLock().lock();",
            "        try {",
            "            stock.forEach((sku, n) -> {",
            "                if (n < threshold) low.put(sku, n);",
            "            });",
            "        } finally {",
            "            rw.readLock().unlock();",
            "        }",
            "        low.forEach((sku, n) -> listeners.forEach(l -> l.belowThreshold(sku, n)));",
            "    }",
            "",
            "    public void restock(String sku, int n) {");

    /** A base class that keeps the listeners and fires them; the subclass fires under its own lock. */
    private static final String[] SIGNALS = {
        "package pool;",
        "",
        "import java.util.List;",
        "import java.util.concurrent.CopyOnWriteArrayList;",
        "",
        "public abstract class Signals {",
        "    public interface Drained {",
        "        void drained(int waiting);",
        "    }",
        "",
        "    private final List<Drained> handlers = new CopyOnWriteArrayList<>();",
        "",
        "    protected void whenDrained(Drained h) {",
        "        handlers.add(h);",
        "    }",
        "",
        "    protected void signalDrained(int waiting) {",
        "        for (var h : handlers) h.drained(waiting);",
        "    }",
        "}"};

    /** A pool built by a builder that registers a lambda growing the pool (its write lock) when drained. */
    private static final String[] CONNECTIONS = {
        "package pool;",
        "",
        "import java.util.ArrayDeque;",
        "import java.util.Deque;",
        "import java.util.concurrent.locks.ReentrantReadWriteLock;",
        "",
        "public class Connections extends Signals {",
        "    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();",
        "    private final Deque<Object> idle = new ArrayDeque<>();",
        "    private int waiting;",
        "",
        "    public static final class Builder {",
        "        private int step = 4;",
        "",
        "        public Builder growBy(int step) {",
        "            this.step = step;",
        "            return this;",
        "        }",
        "",
        "        public Connections build() {",
        "            Connections c = new Connections();",
        "            c.whenDrained(w -> c.grow(step + w));",
        "            return c;",
        "        }",
        "    }",
        "",
        "    public void poll() {",
        "        lock.readLock().lock();",
        "        try {",
        "            if (idle.isEmpty()) signalDrained(waiting); // expect: LC002",
        "        } finally {",
        "            lock.readLock().unlock();",
        "        }",
        "    }",
        "",
        "    void grow(int n) {",
        "        lock.writeLock().lock();",
        "        try {",
        "            for (int i = 0; i < n; i++) idle.add(new Object());",
        "        } finally {",
        "            lock.writeLock().unlock();",
        "        }",
        "    }",
        "}"};

    /** Class listeners reached through the loops real code writes, and a listener passing a method reference. */
    private static final String[] ROUTES = {
        "package net;",
        "",
        "import java.util.List;",
        "import java.util.Map;",
        "import java.util.Set;",
        "import java.util.concurrent.ConcurrentHashMap;",
        "import java.util.concurrent.CopyOnWriteArrayList;",
        "import java.util.concurrent.locks.ReentrantReadWriteLock;",
        "",
        "public class Routes {",
        "    public interface RouteWatcher {",
        "        void routesChanged(Set<String> hosts);",
        "    }",
        "",
        "    private final ReentrantReadWriteLock guard = new ReentrantReadWriteLock();",
        "    private final Set<String> hosts = ConcurrentHashMap.newKeySet();",
        "    private final List<? extends RouteWatcher> watchers = new CopyOnWriteArrayList<>();",
        "    private final Map<String, RouteWatcher> byName = new ConcurrentHashMap<>();",
        "",
        "    public void publish() {",
        "        guard.readLock().lock();",
        "        try {",
        "            Set<String> view = Set.copyOf(hosts);",
        "            watchers.forEach(w -> w.routesChanged(view)); // expect: LC002",
        "            byName.forEach((name, w) -> w.routesChanged(view)); // expect: LC002",
        "            for (var w : watchers) w.routesChanged(view); // expect: LC002",
        "        } finally {",
        "            guard.readLock().unlock();",
        "        }",
        "    }",
        "",
        "    public void drop(String host) {",
        "        guard.writeLock().lock();",
        "        try {",
        "            hosts.remove(host);",
        "        } finally {",
        "            guard.writeLock().unlock();",
        "        }",
        "    }",
        "",
        "    public void watch(RouteWatcher w) {",
        "        byName.put(w.toString(), w);",
        "    }",
        "}"};

    private static final String[] HEALTH = {
        "package net;",
        "",
        "import java.util.HashSet;",
        "import java.util.Set;",
        "",
        "public class Health implements Routes.RouteWatcher {",
        "    private final Routes routes;",
        "    private final Set<String> down = new HashSet<>();",
        "",
        "    public Health(Routes routes) {",
        "        this.routes = routes;",
        "        routes.watch(this);",
        "    }",
        "",
        "    @Override",
        "    public void routesChanged(Set<String> hosts) {",
        "        hosts.stream().filter(down::contains).forEach(routes::drop);",
        "    }",
        "}"};

    @TempDir
    Path dir;

    @Test
    void lambdaRegisteredInAFileNamingNoLock_callingTheHoldersWritePath_isAnUpgrade() {
        new Fixture(dir)
                .file("shop/Inventory.java", INVENTORY_MARKED)
                .file("shop/Replenisher.java", REPLENISHER)
                .assertExactlyMarked();
    }

    @Test
    void lambdasOnAnotherObjectOrTakingNoLock_stayQuiet() {
        new Fixture(dir)
                .file("shop/Inventory.java", INVENTORY)
                .file("shop/Mirror.java", MIRROR)
                .assertClean();
        new Fixture(dir).fullParse()
                .file("shop/Inventory.java", INVENTORY)
                .file("shop/Mirror.java", MIRROR)
                .assertClean();
    }

    @Test
    void listenersCalledAfterTheReadLock_stayQuiet() {
        new Fixture(dir)
                .file("shop/Inventory.java", INVENTORY_FIXED)
                .file("shop/Replenisher.java", REPLENISHER)
                .assertClean();
    }

    @Test
    void inheritedDispatchOfALambdaRegisteredByABuilder_fullParse() {
        new Fixture(dir).fullParse()
                .file("pool/Signals.java", SIGNALS)
                .file("pool/Connections.java", CONNECTIONS)
                .assertExactlyMarked();
    }

    @Disabled("known miss of the default scan: the dispatching base class (Signals) names no lock and no handoff, so "
            + "the prefilter does not parse it for a call under a lock; parsing such supertypes when a lock is held "
            + "cost 41 more cassandra-all files, 39 more apache/kafka files and found nothing more on the seven trees")
    @Test
    void inheritedDispatchOfALambdaRegisteredByABuilder_defaultScan() {
        new Fixture(dir)
                .file("pool/Signals.java", SIGNALS)
                .file("pool/Connections.java", CONNECTIONS)
                .assertExactlyMarked();
    }

    @Test
    void listenerLoopsOverLambdaParametersAndMapValues_andAMethodReferenceInTheListener() {
        new Fixture(dir)
                .file("net/Routes.java", ROUTES)
                .file("net/Health.java", HEALTH)
                .assertExactlyMarked();
    }

    /** {@code lines} with the line ending in {@code line} given a marker. */
    private static String[] marked(String[] lines, String line, String rule) {
        String[] out = lines.clone();
        for (int i = 0; i < out.length; i++) if (out[i].endsWith(line)) out[i] = out[i] + " // expect: " + rule;
        return out;
    }
}
