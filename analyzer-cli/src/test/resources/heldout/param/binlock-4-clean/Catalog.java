// Models: two ConcurrentHashMaps and one monitor: only byName's functions take the monitor, and the monitor holder computes on byId only (different bin-lock families, no cycle).
package heldout.binlock4;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

public class Catalog {
    private final ConcurrentHashMap<String, Long> byName = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, String> byId = new ConcurrentHashMap<>();
    private final Object journalLock = new Object();
    private final List<String> journal = new ArrayList<>();
    private long nextId;

    public long register(String name) {
        return byName.computeIfAbsent(name, n -> {
            synchronized (journalLock) {
                journal.add("register " + n);
                return nextId++;
            }
        });
    }

    public void replay() {
        synchronized (journalLock) {
            for (String line : journal) {
                String name = line.substring("register ".length());
                byId.merge((long) name.hashCode(), name, (a, b) -> b);
            }
        }
    }
}
