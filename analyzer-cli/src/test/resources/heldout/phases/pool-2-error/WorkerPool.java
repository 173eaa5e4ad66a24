// Shared shape of the pool-* cases: resize() holds the pool and locks each worker (WorkerPool -> Worker, a
// static nested class given the pool by start()); a running worker out of tokens holds itself and calls
// pool.workerIdle() (Worker -> WorkerPool). Why this case can or cannot deadlock: the first lines of Server.java.
package heldout.phases.pool2;

import java.util.ArrayList;
import java.util.List;

public final class WorkerPool {
    private final List<Worker> workers = new ArrayList<>();
    private int idle;

    public synchronized void addWorker(String name) {
        workers.add(new Worker(name));
    }

    public synchronized void resize(int tokensPerWorker) {
        for (Worker worker : workers) {
            worker.setTokens(tokensPerWorker); // expect: LC007 error
        }
    }

    public void start() {
        List<Worker> toStart;
        synchronized (this) {
            toStart = new ArrayList<>(workers);
        }
        for (Worker worker : toStart) {
            worker.start(this);
        }
    }

    synchronized void workerIdle(String name) {
        idle++;
    }

    static final class Worker implements Runnable {
        private final String name;
        private int tokens;
        private WorkerPool pool;

        Worker(String name) {
            this.name = name;
        }

        synchronized void setTokens(int count) {
            tokens = count;
        }

        synchronized void start(WorkerPool owner) {
            this.pool = owner;
            new Thread(this, "worker-" + name).start();
        }

        @Override
        public void run() {
            while (useToken()) {
                Thread.onSpinWait();
            }
        }

        private synchronized boolean useToken() {
            if (tokens > 0) {
                tokens--;
                return true;
            }
            pool.workerIdle(name); // expect: LC007 error
            return false;
        }
    }
}
