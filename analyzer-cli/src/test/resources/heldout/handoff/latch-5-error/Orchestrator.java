// Deadlock through calls on both sides: runStage() holds Registry.LOCK.read and calls waitForWorkers(), which awaits
// the latch. Each worker runs work() -> announce() -> Registry.register() (Registry.LOCK.write) and only then
// finish() -> countDown. The write waits for runStage's read hold, the await waits for the countDowns.
package heldout.handoff.latch5;

import java.util.concurrent.CountDownLatch;

public class Orchestrator {
    private final CountDownLatch done = new CountDownLatch(2);

    public void start() {
        for (int i = 0; i < 2; i++) {
            int id = i;
            new Thread(() -> work(id), "worker-" + id).start();
        }
    }

    private void work(int id) {
        announce("worker-" + id);
        finish();
    }

    private void announce(String name) {
        Registry.register(name);
    }

    private void finish() {
        done.countDown();
    }

    public boolean runStage() throws InterruptedException {
        Registry.LOCK.readLock().lock();
        try {
            waitForWorkers(); // expect: LC001 error
            return Registry.knownLocked("worker-0") && Registry.knownLocked("worker-1");
        } finally {
            Registry.LOCK.readLock().unlock();
        }
    }

    private void waitForWorkers() throws InterruptedException {
        done.await();
    }
}
