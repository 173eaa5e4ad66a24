// Clean (generics, three files): `pipeline` is a local initialised with `new Pipeline<>(...)`; the addStage calls
// (chained, each returns this) that take Pipeline -> Stage all run before start() starts any stage thread, so no
// other thread can hold or wait for the pipeline's monitor then: the Stage -> Pipeline callback inverts nothing.
package heldout.phases.pipeline1;

public final class IngestJob {
    public void run() {
        Pipeline<String> pipeline = new Pipeline<>("ingest");
        pipeline.addStage(new Stage<>("parse", 3))
                .addStage(new Stage<>("enrich", 3));
        pipeline.addStage(new Stage<>("index", 3));
        pipeline.start();
    }

    public static void main(String[] args) {
        new IngestJob().run();
    }
}
