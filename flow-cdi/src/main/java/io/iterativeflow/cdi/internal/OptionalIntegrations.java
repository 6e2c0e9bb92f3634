package io.iterativeflow.cdi.internal;

import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import java.util.Optional;

/**
 * MicroProfile Health and Metrics are used when the server provides them, and left alone when it does not: their
 * classes are touched only after their API was found.
 */
final class OptionalIntegrations {

    private static final String HEALTH_API = "org.eclipse.microprofile.health.HealthCheck";
    private static final String METRICS_API = "org.eclipse.microprofile.metrics.MetricRegistry";

    private OptionalIntegrations() {
    }

    /** Adds the readiness, liveness and startup checks when MicroProfile Health is there. */
    static void addHealthChecks(BeforeBeanDiscovery event) {
        if (present(HEALTH_API)) {
            HealthChecks.add(event);
        }
    }

    /** The metrics of the engine when MicroProfile Metrics is there and has a registry. */
    static Optional<FlowMetrics> metrics() {
        return present(METRICS_API) ? FlowMetrics.ofApplicationRegistry() : Optional.empty();
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
