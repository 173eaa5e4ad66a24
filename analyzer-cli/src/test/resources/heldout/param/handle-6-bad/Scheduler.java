// Models: Guava Monitor (library type, no stub here) entered around work that takes a monitor, while another path nests them the other way.
package heldout.handle6;

import com.google.common.util.concurrent.Monitor;
import java.util.ArrayDeque;
import java.util.Queue;

public class Scheduler {
    private final Monitor monitor = new Monitor();
    private final Object statsLock = new Object();
    private final Queue<Runnable> ready = new ArrayDeque<>();
    private int scheduled;

    public void schedule(Runnable task) {
        monitor.enter();
        try {
            ready.add(task);
            synchronized (statsLock) { // expect: LC007
                scheduled++;
            }
        } finally {
            monitor.leave();
        }
    }

    public int pendingWithStats() {
        synchronized (statsLock) {
            monitor.enter(); // expect: LC007
            try {
                return ready.size() + scheduled;
            } finally {
                monitor.leave();
            }
        }
    }
}
