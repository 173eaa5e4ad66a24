// Prints the status of every watched pipeline on the pipeline-monitor thread.
package heldout.phases.pipeline4;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

final class PipelineMonitor {
    private static final List<Pipeline<?>> WATCHED = new CopyOnWriteArrayList<>();

    private PipelineMonitor() {
    }

    static void watch(Pipeline<?> pipeline) {
        WATCHED.add(pipeline);
    }

    static void start() {
        new Thread(() -> {
            while (true) {
                for (Pipeline<?> pipeline : WATCHED) {
                    System.out.println(pipeline.status());
                }
                Thread.onSpinWait();
            }
        }, "pipeline-monitor").start();
    }
}
