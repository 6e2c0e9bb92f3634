package io.iterativeflow.cdi.internal;

import io.iterativeflow.core.spi.FlowTracer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Optional;

/**
 * Finds the container's OpenTelemetry (MicroProfile Telemetry) and makes the engine's tracer of it. Touched only
 * after {@link OptionalIntegrations} found the API's classes.
 */
final class Tracing {

    private Tracing() {
    }

    /**
     * The tracer, when the container has an {@code OpenTelemetry} bean whose traces go somewhere; empty when it has
     * none, or when its SDK is disabled ({@code otel.sdk.disabled}, true by default): then the engine traces nothing.
     */
    static Optional<FlowTracer> find() {
        Instance<OpenTelemetry> found = CDI.current().select(OpenTelemetry.class);
        if (!found.isResolvable()) {
            return Optional.empty();
        }
        return of(found.get());
    }

    /** The engine's tracer on {@code openTelemetry}; empty for the no-op one. */
    static Optional<FlowTracer> of(OpenTelemetry openTelemetry) {
        Tracer tracer = openTelemetry.getTracer(OtelFlowTracer.SCOPE);
        if (tracer == null || tracer.getClass() == TracerProvider.noop().get(OtelFlowTracer.SCOPE).getClass()) {
            return Optional.empty();
        }
        return Optional.of(new OtelFlowTracer(tracer));
    }
}
