package io.iterativeflow.core.spi;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A run to create. {@code delay} is added to the database clock to compute when it becomes ready.
 * {@code traceParent} is the W3C trace context the run's attempts continue (written with the run's insert), or null
 * when tracing is off.
 */
public record NewRun(
        UUID id,
        String flowName,
        int flowVersion,
        String inputJson,
        Optional<String> idempotencyKey,
        Set<String> tags,
        int priority,
        Duration delay,
        String traceParent) {

    /** A run without a trace context. */
    public NewRun(UUID id, String flowName, int flowVersion, String inputJson, Optional<String> idempotencyKey,
            Set<String> tags, int priority, Duration delay) {
        this(id, flowName, flowVersion, inputJson, idempotencyKey, tags, priority, delay, null);
    }
}
