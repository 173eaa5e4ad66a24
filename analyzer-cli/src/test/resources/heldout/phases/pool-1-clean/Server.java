// Clean: `pool` is a local initialised with `new WorkerPool()`; addWorker and resize (WorkerPool -> Worker) all
// run before start() starts any worker thread, so no thread can hold a worker's monitor or wait for the pool's
// while resize holds it. The Worker -> WorkerPool callback of the running workers has nothing to invert.
package heldout.phases.pool1;

public final class Server {
    public void boot() {
        WorkerPool pool = new WorkerPool();
        pool.addWorker("io-1");
        pool.addWorker("io-2");
        pool.resize(100);
        pool.start();
    }

    public static void main(String[] args) {
        new Server().boot();
    }
}
