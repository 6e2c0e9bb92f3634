package io.iterativeflow.cdi.internal;

import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Registers the health checks and builds their responses (without a response provider, so any server works). */
final class HealthChecks {

    /** The name of every check of the engine. */
    static final String NAME = "iterativeflow";

    private HealthChecks() {
    }

    static void add(BeforeBeanDiscovery event) {
        event.addAnnotatedType(FlowReadinessCheck.class, FlowReadinessCheck.class.getName());
        event.addAnnotatedType(FlowLivenessCheck.class, FlowLivenessCheck.class.getName());
        event.addAnnotatedType(FlowStartupCheck.class, FlowStartupCheck.class.getName());
    }

    static HealthCheckResponse response(boolean up, Map<String, Object> data) {
        return new HealthCheckResponse(NAME, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(new LinkedHashMap<>(data)));
    }

    static String instant(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse("never");
    }
}
