// Clean: the pipeline escapes (PipelineMonitor.watch, read by the monitor thread) only after its last addStage;
// every Pipeline -> Stage acquisition ran while it was confined to this thread. The monitor thread only calls
// status() (the pipeline's monitor alone), and start() takes nothing nested, so nothing inverts Stage -> Pipeline.
package heldout.phases.pipeline4;

import java.util.List;

public final class IngestJob {
    public void run(List<String> stageNames) {
        Pipeline<byte[]> pipeline = new Pipeline<>("ingest");
        for (String stageName : stageNames) {
            pipeline.addStage(new Stage<>(stageName, 5));
        }
        PipelineMonitor.watch(pipeline);
        pipeline.start();
    }

    public static void main(String[] args) {
        PipelineMonitor.start();
        new IngestJob().run(List.of("parse", "enrich", "index"));
    }
}
