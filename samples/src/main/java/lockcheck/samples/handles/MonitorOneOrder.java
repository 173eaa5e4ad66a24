package lockcheck.samples.handles;

import com.google.common.util.concurrent.Monitor;

/** The fixed form of {@link MonitorOrder}: both paths take the monitor first, then the stats monitor. */
public class MonitorOneOrder {
    private final Monitor monitor = new Monitor();
    private final Object stats = new Object();
    private int size;
    private int reads;

    public void add() {
        monitor.enter();
        try {
            size++;
            synchronized (stats) {
                reads = 0;
            }
        } finally {
            monitor.leave();
        }
    }

    public int report() {
        monitor.enter();
        try {
            synchronized (stats) {
                reads++;
            }
            return size;
        } finally {
            monitor.leave();
        }
    }
}
