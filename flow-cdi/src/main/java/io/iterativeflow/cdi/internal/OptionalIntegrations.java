package io.iterativeflow.cdi.internal;

import io.iterativeflow.core.spi.FlowTracer;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * MicroProfile Health and Metrics are used when the server provides them, and left alone when it does not: their
 * classes are touched only after their API was found.
 */
final class OptionalIntegrations {

    private static final Logger LOG = Logger.getLogger(OptionalIntegrations.class.getName());
    private static final String HEALTH_API = "org.eclipse.microprofile.health.HealthCheck";
    private static final String METRICS_API = "org.eclipse.microprofile.metrics.MetricRegistry";
    private static final String NO_METRICS = "iterativeflow: MicroProfile Metrics is not available: the engine records no"
            + " metrics; runs, health checks and everything else work as usual";
    private static final String TELEMETRY_API = "io.opentelemetry.api.OpenTelemetry";
    private static final String TELEMETRY_CONTEXT = "io.opentelemetry.context.Context";

    private OptionalIntegrations() {
    }

    /** Adds the health checks when MicroProfile Health is there, and the registry finder when Metrics is. */
    static void addBeans(BeforeBeanDiscovery event) {
        if (present(HEALTH_API)) {
            HealthChecks.add(event);
        }
        if (present(METRICS_API)) {
            event.addAnnotatedType(MetricsSource.class, MetricsSource.class.getName());
        }
    }

    /**
     * The metrics of the engine when MicroProfile Metrics is there and has a registry. Never throws: without
     * metrics the engine works as well.
     */
    static Optional<FlowMetrics> metrics() {
        if (!present(METRICS_API)) {
            LOG.info(NO_METRICS + " (the server provides no MicroProfile Metrics API)");
            return Optional.empty();
        }
        try {
            Instance<MetricsSource> sources = CDI.current().select(MetricsSource.class);
            Optional<FlowMetrics> metrics = sources.isResolvable() ? sources.get().registry().map(FlowMetrics::new)
                    : Optional.empty();
            if (metrics.isEmpty()) {
                LOG.info(NO_METRICS + " (the server has no MicroProfile Metrics registry)");
            }
            return metrics;
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "the MicroProfile Metrics registry cannot be used; the engine records no metrics",
                    e);
            return Optional.empty();
        }
    }

    /**
     * The engine's tracer when the OpenTelemetry API is visible to the application (MicroProfile Telemetry, with
     * third-party API visibility on Liberty) and the container has an enabled {@code OpenTelemetry} bean. Never
     * throws: without a tracer the engine works as well, and spends nothing on tracing.
     */
    static Optional<FlowTracer> tracer() {
        if (!present(TELEMETRY_API) || !present(TELEMETRY_CONTEXT)) {
            LOG.fine("the OpenTelemetry API is not visible to the application; runs are not traced");
            return Optional.empty();
        }
        try {
            Optional<FlowTracer> tracer = Tracing.find();
            if (tracer.isPresent()) {
                LOG.info("iterativeflow traces runs with MicroProfile Telemetry (OpenTelemetry)");
            }
            return tracer;
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "the OpenTelemetry API cannot be used; runs are not traced", e);
            return Optional.empty();
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, OptionalIntegrations.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
