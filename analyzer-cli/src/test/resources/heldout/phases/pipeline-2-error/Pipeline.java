// Shared shape of the pipeline-* cases: Pipeline.addStage holds the pipeline and links the current tail stage
// (Pipeline -> Stage); a running stage that runs out of work holds itself and reports back (Stage -> Pipeline).
// Why this case can or cannot deadlock: the first lines of the driver file.
package heldout.phases.pipeline2;

import java.util.ArrayList;
import java.util.List;

public final class Pipeline<T> {
    private final String name;
    private final List<Stage<T>> stages = new ArrayList<>();
    private int finished;

    public Pipeline(String name) {
        this.name = name;
    }

    public synchronized Pipeline<T> addStage(Stage<T> stage) {
        if (!stages.isEmpty()) {
            Stage<T> tail = stages.get(stages.size() - 1);
            tail.linkTo(stage); // expect: LC007 error
        }
        stages.add(stage);
        return this;
    }

    public void start() {
        List<Stage<T>> toStart;
        synchronized (this) {
            toStart = new ArrayList<>(stages);
        }
        for (Stage<T> stage : toStart) {
            stage.start(this);
        }
    }

    synchronized void stageFinished(Stage<T> stage) {
        finished++;
    }

    public synchronized String status() {
        return name + ": " + finished + "/" + stages.size() + " stages finished";
    }
}
