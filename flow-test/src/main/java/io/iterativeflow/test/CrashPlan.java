package io.iterativeflow.test;

import io.iterativeflow.api.FlowListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The crashes a test asked for. The engine tells its listeners of a step's try after the step's work and before its
 * result is recorded; after a try of a planned step that succeeded, this listener halts the engine right there, as if
 * the process died: the try's work is done, nothing of it is recorded, and the run's lease stays with the dead
 * instance.
 */
final class CrashPlan implements FlowListener {

    private final List<String> planned = new CopyOnWriteArrayList<>();
    private final AtomicBoolean crashed = new AtomicBoolean();
    private volatile Runnable halt = () -> { };

    void plan(String stepName) {
        planned.add(stepName);
    }

    /** What halts the engine; set once the engine that carries this listener is built. */
    void onCrash(Runnable halt) {
        this.halt = halt;
    }

    /** True once if a planned crash happened since the last call. */
    boolean takeCrash() {
        return crashed.getAndSet(false);
    }

    List<String> pending() {
        return List.copyOf(planned);
    }

    void forget() {
        planned.clear();
    }

    @Override
    public void stepFinished(StepEvent step) {
        if (StepEvent.SUCCEEDED.equals(step.outcome()) && planned.remove(step.stepName())) {
            crashed.set(true);
            halt.run();
        }
    }
}
