// Deadlock (captured by an anonymous class run on a thread): the starter thread runs pipeline.start(), so stage
// "parse" may be running when main's second addStage holds the pipeline and waits for parse's monitor (linkTo);
// parse, out of batches, holds its monitor and waits for the pipeline in stageFinished.
package heldout.phases.pipeline3;

public final class IngestJob {
    public void run() {
        Pipeline<String> pipeline = new Pipeline<>("ingest");
        pipeline.addStage(new Stage<>("parse", 3));
        Thread starter = new Thread(new Runnable() {
            @Override
            public void run() {
                pipeline.start();
            }
        }, "starter");
        starter.start();
        pipeline.addStage(new Stage<>("index", 3));
    }

    public static void main(String[] args) {
        new IngestJob().run();
    }
}
