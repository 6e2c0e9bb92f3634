package io.iterativeflow.core.spi;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A run to create. {@code delay} is added to the database clock to compute when it becomes ready.
 * {@code traceParent} is the W3C trace context the run's attempts continue (written with the run's insert), or null
 * when tracing is off. A run with a {@code concurrencyKey} is claimed only after every earlier run of its flow and key
 * has ended. {@code startedBy} is the caller principal recorded with the run and its {@code created} event (at most
 * {@link #MAX_STARTED_BY_LENGTH} characters; a child run's is ignored: it inherits its parent's).
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
        Optional<String> concurrencyKey,
        Optional<String> startedBy) {

    /** The longest caller name the schema holds. */
    public static final int MAX_STARTED_BY_LENGTH = 255;

    /** A run without a trace context or a concurrency key, started by nobody in particular. */
    public NewRun(UUID id, String flowName, int flowVersion, String inputJson, Optional<String> idempotencyKey,
            Set<String> tags, int priority, Duration delay) {
        this(id, flowName, flowVersion, inputJson, idempotencyKey, tags, priority, delay, null, Optional.empty(),
                Optional.empty());
    }

    /** A run without a concurrency key, started by nobody in particular (a child: it inherits its parent's). */
    public NewRun(UUID id, String flowName, int flowVersion, String inputJson, Optional<String> idempotencyKey,
            Set<String> tags, int priority, Duration delay, String traceParent) {
        this(id, flowName, flowVersion, inputJson, idempotencyKey, tags, priority, delay, traceParent,
                Optional.empty(), Optional.empty());
    }

    public NewRun {
        concurrencyKey = concurrencyKey == null ? Optional.empty() : concurrencyKey;
        startedBy = startedBy == null ? Optional.empty() : startedBy;
    }
}
