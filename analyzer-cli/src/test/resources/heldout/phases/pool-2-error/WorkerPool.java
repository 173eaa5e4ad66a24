// Shared shape of the pool-* cases: resize() holds the pool and locks each worker (WorkerPool -> Worker, a
// non-static inner class); a running worker out of tokens holds itself and calls the outer workerIdle()
// (Worker -> WorkerPool). Why this case can or cannot deadlock: the first lines of Server.java.
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
            new Thread(worker, "worker-" + worker.name).start();
        }
    }

    synchronized void workerIdle(String name) {
        idle++;
    }

    final class Worker implements Runnable {
        private final String name;
        private int tokens;

        Worker(String name) {
            this.name = name;
        }

        synchronized void setTokens(int count) {
            tokens = count;
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
            workerIdle(name); // expect: LC007 error
            return false;
        }
    }
}
