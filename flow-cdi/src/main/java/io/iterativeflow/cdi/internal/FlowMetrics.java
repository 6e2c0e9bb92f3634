package io.iterativeflow.cdi.internal;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowListener;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.engine.EngineProbe;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * The engine's MicroProfile Metrics in the application registry, all named {@code flow_*}: counters and the step
 * timer come from {@link MetricsListener}; the gauges read the {@link EngineProbe}, so the queue figures cost one
 * query per few seconds however often they are scraped.
 */
final class FlowMetrics {

    private static final Logger LOG = Logger.getLogger(FlowMetrics.class.getName());

    private final MetricRegistry registry;
    private final MetricsListener listener;

    FlowMetrics(MetricRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.listener = new MetricsListener(registry);
    }

    FlowListener listener() {
        return listener;
    }

    /**
     * Registers the gauges, and the counters of every deployed flow at zero (so dashboards see them before the first
     * run). A registry that refuses them costs metrics only, never the engine.
     */
    void bind(Engine engine) {
        try {
            listener.preRegister(engine.registry().all().stream().map(FlowDefinition::name).distinct().toList());
            gauges(engine.probe());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the iterativeflow gauges could not be registered", e);
        }
    }

    private void gauges(EngineProbe probe) {
        gauge(probe, "flow_queue_depth", "Runs ready to be claimed now", MetricUnits.NONE,
                p -> p.queue().readyRuns());
        gauge(probe, "flow_queue_lag_seconds", "How long the oldest ready run has waited to be claimed",
                MetricUnits.NONE, p -> p.queue().oldestReadyAge().toMillis() / 1000.0);
        gauge(probe, "flow_runs_running", "Runs some instance is working on", MetricUnits.NONE,
                p -> p.queue().runningRuns());
        gauge(probe, "flow_runs_in_progress", "Attempts running on this instance", MetricUnits.NONE,
                EngineProbe::inFlight);
    }

    private void gauge(EngineProbe probe, String name, String description, String unit,
            ToDoubleFunction<EngineProbe> read) {
        registry.remove(name);
        Metadata metadata = Metadata.builder().withName(name).withDescription(description).withUnit(unit).build();
        registry.gauge(metadata, () -> safely(probe, read));
    }

    private static Double safely(EngineProbe probe, ToDoubleFunction<EngineProbe> read) {
        try {
            return read.applyAsDouble(probe);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
