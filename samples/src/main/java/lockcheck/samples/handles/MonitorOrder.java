package lockcheck.samples.handles;

import com.google.common.util.concurrent.Monitor;

/**
 * Guava's {@link Monitor} is a lock: {@code enter()} ... {@code leave()}. Bad: {@link #add} takes
 * the monitor then the stats monitor, {@link #report} the reverse (LC007, both edges).
 */
public class MonitorOrder {
    private final Monitor monitor = new Monitor();
    private final Object stats = new Object();
    private int size;
    private int reads;

    public void add() {
        monitor.enter();
        try {
            size++;
            synchronized (stats) { // expect: LC007
                reads = 0;
            }
        } finally {
            monitor.leave();
        }
    }

    public int report() {
        synchronized (stats) {
            reads++;
            monitor.enter(); // expect: LC007
            try {
                return size;
            } finally {
                monitor.leave();
            }
        }
    }
}
