package io.iterativeflow.core.spi;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A run to create. {@code delay} is added to the database clock to compute when it becomes ready. */
public record NewRun(
        UUID id,
        String flowName,
        int flowVersion,
        String inputJson,
        Optional<String> idempotencyKey,
        Set<String> tags,
        int priority,
        Duration delay) {
}
