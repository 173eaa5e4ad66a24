package lockcheck.samples.lc007;

import java.util.ArrayList;
import java.util.List;

/**
 * An inner class's synchronized method that calls a synchronized method of its outer class takes
 * two monitors: its own object's, then the outer instance's. Inside the inner class both are
 * reached through an implicit {@code this}, but they are two objects; the outer class taking
 * them the other way round is the textbook inversion.
 */
public class InnerClassMonitors {
    /** Bad: resize() holds WorkerPool.this and calls Worker.reset(); a running worker holds Worker.this and calls report(). */
    static class WorkerPool {
        private final List<Worker> workers = new ArrayList<>();
        private int done;

        synchronized void resize() {
            for (Worker w : workers) w.reset(); // expect: LC007
        }

        synchronized void report() {
            done++;
        }

        Worker add() {
            Worker w = new Worker();
            synchronized (this) {
                workers.add(w);
            }
            return w;
        }

        class Worker implements Runnable {
            private int count;

            synchronized void reset() {
                count = 0;
            }

            @Override
            public synchronized void run() {
                count++;
                report(); // expect: LC007
            }
        }
    }

    /** Fixed: the worker reports after leaving its own monitor. */
    static class FixedPool {
        private final List<Worker> workers = new ArrayList<>();
        private int done;

        synchronized void resize() {
            for (Worker w : workers) w.reset();
        }

        synchronized void report() {
            done++;
        }

        class Worker implements Runnable {
            private int count;

            synchronized void reset() {
                count = 0;
            }

            @Override
            public void run() {
                synchronized (this) {
                    count++;
                }
                report();
            }
        }
    }

    /** Clean look-alike: the inner class locks the outer instance itself, then calls its synchronized method: one monitor, re-entered. */
    static class OuterLockedPool {
        private final List<Worker> workers = new ArrayList<>();
        private int done;

        synchronized void resize() {
            for (Worker w : workers) w.reset();
        }

        synchronized void report() {
            done++;
        }

        class Worker implements Runnable {
            private int count;

            void reset() {
                synchronized (OuterLockedPool.this) {
                    count = 0;
                }
            }

            @Override
            public void run() {
                synchronized (OuterLockedPool.this) {
                    count++;
                    report();
                }
            }
        }
    }
}
