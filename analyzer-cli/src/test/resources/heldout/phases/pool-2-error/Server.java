// Deadlock (confinement ends midway, start() in the sources): the second resize runs after pool.start(). Main
// holds the pool and waits for worker io-1's monitor (setTokens); io-1, out of tokens, holds its monitor and waits
// for the pool in workerIdle. The resize before start() is confined, the same call after it is not.
package heldout.phases.pool2;

public final class Server {
    public void boot() {
        WorkerPool pool = new WorkerPool();
        pool.addWorker("io-1");
        pool.addWorker("io-2");
        pool.resize(100);
        pool.start();
        pool.resize(200);
    }

    public static void main(String[] args) {
        new Server().boot();
    }
}
