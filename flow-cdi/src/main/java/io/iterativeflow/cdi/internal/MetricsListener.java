package io.iterativeflow.cdi.internal;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/** Counts what the engine does into MicroProfile Metrics; an internal {@link FlowListener} like any other. */
final class MetricsListener implements FlowListener {

    private final MetricRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    MetricsListener(MetricRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void runStarted(RunEvent run) {
        count("flow_runs_started", "Runs created", "flow", run.flowName());
    }

    @Override
    public void runCompleted(RunEvent run) {
        count("flow_runs_completed", "Runs that completed", "flow", run.flowName());
    }

    @Override
    public void runFailed(RunEvent run, FlowErrorCode code) {
        count("flow_runs_failed", "Runs that failed", "flow", run.flowName());
    }

    @Override
    public void runCanceled(RunEvent run) {
        count("flow_runs_canceled", "Runs that were canceled", "flow", run.flowName());
    }

    @Override
    public void runSuspended(RunEvent run) {
        count("flow_suspensions", "Attempts that ended because the run waits (sleep, signal, retry)", "flow",
                run.flowName());
    }

    @Override
    public void signalSent(SignalEvent signal) {
        count("flow_signals", "Signals sent, by what became of them", "result", signal.result());
    }

    @Override
    public void reconcilerSwept(int reclaimedRuns) {
        count("flow_reconciler_sweeps", "Sweeps for runs whose owner stopped renewing its lease", null, null);
        if (reclaimedRuns > 0) {
            counter("flow_reconciler_reclaimed_runs", "Runs made ready again by the reconciler", null, null)
                    .inc(reclaimedRuns);
        }
    }

    @Override
    public void stepFinished(StepEvent step) {
        String key = step.run().flowName() + "\u0000" + step.outcome();
        timers.computeIfAbsent(key, k -> registry.timer(Metadata.builder().withName("flow_step_duration")
                        .withDescription("How long tries of steps took, by flow and outcome")
                        .withUnit(MetricUnits.SECONDS).build(),
                new Tag("flow", step.run().flowName()), new Tag("outcome", step.outcome())))
                .update(step.duration());
    }

    private void count(String name, String description, String tag, String value) {
        counter(name, description, tag, value).inc();
    }

    private Counter counter(String name, String description, String tag, String value) {
        return counters.computeIfAbsent(name + "\u0000" + value, k -> {
            Metadata metadata = Metadata.builder().withName(name).withDescription(description).build();
            return tag == null ? registry.counter(metadata) : registry.counter(metadata, new Tag(tag, value));
        });
    }
}
