package io.iterativeflow.cdi.internal;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowListener;
import java.util.List;
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

    private static final String FLOW = "flow";
    private static final String RESULT = "result";
    private static final String STARTED = "flow_runs_started";
    private static final String STARTED_HELP = "Runs created";
    private static final String COMPLETED = "flow_runs_completed";
    private static final String COMPLETED_HELP = "Runs that completed";
    private static final String FAILED = "flow_runs_failed";
    private static final String FAILED_HELP = "Runs that failed";
    private static final String CANCELED = "flow_runs_canceled";
    private static final String CANCELED_HELP = "Runs that were canceled";
    private static final String SUSPENSIONS = "flow_suspensions";
    private static final String SUSPENSIONS_HELP = "Attempts that ended because the run waits (sleep, signal, child,"
            + " retry)";
    private static final String SIGNALS = "flow_signals";
    private static final String SIGNALS_HELP = "Signals sent, by what became of them";
    private static final List<String> SIGNAL_RESULTS = List.of("delivered", "buffered", "duplicate", "expired",
            "invalidpayload");
    private static final String SWEEPS = "flow_reconciler_sweeps";
    private static final String SWEEPS_HELP = "Sweeps for runs whose owner stopped renewing its lease";
    private static final String RECLAIMED = "flow_reconciler_reclaimed_runs";
    private static final String RECLAIMED_HELP = "Runs made ready again by the reconciler";

    private final MetricRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    MetricsListener(MetricRegistry registry) {
        this.registry = registry;
    }

    /** Creates every counter at zero: per flow, per signal result, and the reconciler's. */
    void preRegister(List<String> flowNames) {
        for (String flow : flowNames) {
            counter(STARTED, STARTED_HELP, FLOW, flow);
            counter(COMPLETED, COMPLETED_HELP, FLOW, flow);
            counter(FAILED, FAILED_HELP, FLOW, flow);
            counter(CANCELED, CANCELED_HELP, FLOW, flow);
            counter(SUSPENSIONS, SUSPENSIONS_HELP, FLOW, flow);
        }
        for (String result : SIGNAL_RESULTS) {
            counter(SIGNALS, SIGNALS_HELP, RESULT, result);
        }
        counter(SWEEPS, SWEEPS_HELP, null, null);
        counter(RECLAIMED, RECLAIMED_HELP, null, null);
    }

    @Override
    public void runStarted(RunEvent run) {
        count(STARTED, STARTED_HELP, FLOW, run.flowName());
    }

    @Override
    public void runCompleted(RunEvent run) {
        count(COMPLETED, COMPLETED_HELP, FLOW, run.flowName());
    }

    @Override
    public void runFailed(RunEvent run, FlowErrorCode code) {
        count(FAILED, FAILED_HELP, FLOW, run.flowName());
    }

    @Override
    public void runCanceled(RunEvent run) {
        count(CANCELED, CANCELED_HELP, FLOW, run.flowName());
    }

    @Override
    public void runSuspended(RunEvent run) {
        count(SUSPENSIONS, SUSPENSIONS_HELP, FLOW, run.flowName());
    }

    @Override
    public void signalSent(SignalEvent signal) {
        count(SIGNALS, SIGNALS_HELP, RESULT, signal.result());
    }

    @Override
    public void reconcilerSwept(int reclaimedRuns) {
        count(SWEEPS, SWEEPS_HELP, null, null);
        if (reclaimedRuns > 0) {
            counter(RECLAIMED, RECLAIMED_HELP, null, null).inc(reclaimedRuns);
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
