package io.iterativeflow.cdi.internal;

import io.iterativeflow.core.spi.FlowTracer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Finds the container's OpenTelemetry (MicroProfile Telemetry) and makes the engine's tracer of it. Touched only
 * after {@link OptionalIntegrations} found the API's classes.
 */
final class Tracing {

    private static final Logger LOG = Logger.getLogger(Tracing.class.getName());

    private Tracing() {
    }

    /**
     * The tracer, when the container has an {@code OpenTelemetry} bean whose traces go somewhere; empty when it has
     * none, or when its SDK is disabled ({@code otel.sdk.disabled}, true by default): then the engine traces nothing.
     */
    static Optional<FlowTracer> find() {
        Instance<OpenTelemetry> found = CDI.current().select(OpenTelemetry.class);
        if (!found.isResolvable()) {
            LOG.fine("no OpenTelemetry bean; runs are not traced");
            return Optional.empty();
        }
        return of(found.get());
    }

    /** The engine's tracer on {@code openTelemetry}; empty for the no-op one. */
    static Optional<FlowTracer> of(OpenTelemetry openTelemetry) {
        Tracer tracer = openTelemetry.getTracer(OtelFlowTracer.SCOPE);
        if (tracer == null || tracer.getClass() == TracerProvider.noop().get(OtelFlowTracer.SCOPE).getClass()) {
            LOG.fine(() -> "OpenTelemetry " + openTelemetry.getClass().getName() + " has the no-op tracer (the SDK is"
                    + " disabled: otel.sdk.disabled); runs are not traced");
            return Optional.empty();
        }
        LOG.fine(() -> "tracing runs with " + tracer.getClass().getName() + " of "
                + openTelemetry.getClass().getName());
        return Optional.of(new OtelFlowTracer(tracer));
    }
}
