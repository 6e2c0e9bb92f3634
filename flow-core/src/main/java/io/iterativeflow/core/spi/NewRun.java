package io.iterativeflow.core.spi;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A run to create. {@code delay} is added to the database clock to compute when it becomes ready. A run with a
 * {@code concurrencyKey} is claimed only after every earlier run of its flow and key has ended.
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
        Optional<String> concurrencyKey) {

    /** A run without a concurrency key. */
    public NewRun(UUID id, String flowName, int flowVersion, String inputJson, Optional<String> idempotencyKey,
            Set<String> tags, int priority, Duration delay) {
        this(id, flowName, flowVersion, inputJson, idempotencyKey, tags, priority, delay, Optional.empty());
    }
}
