// A pipeline stage: processes a fixed number of batches on its own thread, then tells its pipeline.
package heldout.phases.pipeline3;

public final class Stage<T> implements Runnable {
    private final String name;
    private int batches;
    private Stage<T> next;
    private Pipeline<T> owner;

    public Stage(String name, int batches) {
        this.name = name;
        this.batches = batches;
    }

    synchronized void linkTo(Stage<T> downstream) {
        this.next = downstream;
    }

    synchronized void start(Pipeline<T> pipeline) {
        this.owner = pipeline;
        new Thread(this, "stage-" + name).start();
    }

    @Override
    public void run() {
        while (processBatch()) {
            Thread.onSpinWait();
        }
    }

    private synchronized boolean processBatch() {
        if (batches > 0) {
            batches--;
            return true;
        }
        owner.stageFinished(this); // expect: LC007 error
        return false;
    }
}
