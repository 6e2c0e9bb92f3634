package io.iterativeflow.core.spi;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A run to create. {@code delay} is added to the database clock to compute when it becomes ready.
 * {@code traceParent} is the W3C trace context the run's attempts continue (written with the run's insert), or null
 * when tracing is off. A run with a {@code concurrencyKey} is claimed only after every earlier run of its flow and key
 * has ended.
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
        String traceParent,
        Optional<String> concurrencyKey) {

    /** A run without a trace context or a concurrency key. */
    public NewRun(UUID id, String flowName, int flowVersion, String inputJson, Optional<String> idempotencyKey,
            Set<String> tags, int priority, Duration delay) {
        this(id, flowName, flowVersion, inputJson, idempotencyKey, tags, priority, delay, null, Optional.empty());
    }

    /** A run without a concurrency key. */
    public NewRun(UUID id, String flowName, int flowVersion, String inputJson, Optional<String> idempotencyKey,
            Set<String> tags, int priority, Duration delay, String traceParent) {
        this(id, flowName, flowVersion, inputJson, idempotencyKey, tags, priority, delay, traceParent,
                Optional.empty());
    }

    /** A run without a trace context. */
    public NewRun(UUID id, String flowName, int flowVersion, String inputJson, Optional<String> idempotencyKey,
            Set<String> tags, int priority, Duration delay, Optional<String> concurrencyKey) {
        this(id, flowName, flowVersion, inputJson, idempotencyKey, tags, priority, delay, null, concurrencyKey);
    }
}
