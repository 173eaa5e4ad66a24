// Shape of the owned-3/4 cases (ReentrantLock fields): Planner.add holds Planner.lock and calls task.reserve()
// (Planner.lock -> Task.lock); a running task holds Task.lock and calls planner.taskDone (Task.lock -> Planner.lock).
// The compaction's planner is a final field initialised with `new Planner()` (a field initializer).
// Why this case can or cannot deadlock: the first lines of CompactionManager.java.
package heldout.phases.owned3;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

public final class Compaction {
    private final Planner planner = new Planner();

    public Compaction addTask(String table) {
        planner.add(table);
        return this;
    }

    public void start() {
        planner.startAll();
    }
}

final class Planner {
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Task> tasks = new HashMap<>();
    private int done;

    void add(String table) {
        lock.lock();
        try {
            Task task = tasks.get(table);
            if (task == null) {
                task = new Task(table);
                tasks.put(table, task);
            }
            task.reserve();
        } finally {
            lock.unlock();
        }
    }

    void startAll() {
        List<Task> toStart;
        lock.lock();
        try {
            toStart = new ArrayList<>(tasks.values());
        } finally {
            lock.unlock();
        }
        for (Task task : toStart) {
            task.start(this);
        }
    }

    void taskDone(String table) {
        lock.lock();
        try {
            done++;
        } finally {
            lock.unlock();
        }
    }
}

final class Task implements Runnable {
    private final ReentrantLock lock = new ReentrantLock();
    private final String table;
    private int sstables;
    private Planner planner;

    Task(String table) {
        this.table = table;
    }

    void reserve() {
        lock.lock();
        try {
            sstables++;
        } finally {
            lock.unlock();
        }
    }

    void start(Planner owner) {
        lock.lock();
        try {
            planner = owner;
        } finally {
            lock.unlock();
        }
        new Thread(this, "compact-" + table).start();
    }

    @Override
    public void run() {
        while (step()) {
            Thread.onSpinWait();
        }
    }

    private boolean step() {
        lock.lock();
        try {
            if (sstables > 0) {
                sstables--;
                return true;
            }
            planner.taskDone(table);
            return false;
        } finally {
            lock.unlock();
        }
    }
}
