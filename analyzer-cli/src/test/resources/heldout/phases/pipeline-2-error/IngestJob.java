// Deadlock (captured by a lambda submitted to an executor): the pool thread runs pipeline.start(), so stage
// "parse" may be running when main's second addStage holds the pipeline and waits for parse's monitor (linkTo);
// parse, out of batches, holds its monitor and waits for the pipeline in stageFinished.
package heldout.phases.pipeline2;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

public final class IngestJob {
    public void run() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        Pipeline<String> pipeline = new Pipeline<>("ingest");
        pipeline.addStage(new Stage<>("parse", 3));
        executor.submit(() -> pipeline.start());
        pipeline.addStage(new Stage<>("index", 3));
        executor.shutdown();
    }

    public static void main(String[] args) {
        new IngestJob().run();
    }
}
