package io.iterativeflow.core.spi;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A run to create. {@code delay} is added to the database clock to compute when it becomes ready. {@code startedBy}
 * is the caller principal recorded with the run and its {@code created} event (at most
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
        Optional<String> startedBy) {

    /** The longest caller name the schema holds. */
    public static final int MAX_STARTED_BY_LENGTH = 255;

    /** A run started by nobody in particular. */
    public NewRun(UUID id, String flowName, int flowVersion, String inputJson, Optional<String> idempotencyKey,
            Set<String> tags, int priority, Duration delay) {
        this(id, flowName, flowVersion, inputJson, idempotencyKey, tags, priority, delay, Optional.empty());
    }

    public NewRun {
        startedBy = startedBy == null ? Optional.empty() : startedBy;
    }
}
