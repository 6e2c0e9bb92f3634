package io.iterativeflow.cdi.flows;

import io.iterativeflow.api.FlowListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener bean of the application: records which runs completed, and which steps finished. */
@ApplicationScoped
public class RecordingListener implements FlowListener {

    private final List<String> heard = new CopyOnWriteArrayList<>();

    @Override
    public void runCompleted(RunEvent run) {
        heard.add("completed " + run.flowName() + " " + run.runId());
    }

    @Override
    public void stepFinished(StepEvent step) {
        heard.add("step " + step.stepName() + " " + step.outcome());
    }

    public List<String> heard() {
        return List.copyOf(heard);
    }
}
