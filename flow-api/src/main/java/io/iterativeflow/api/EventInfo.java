package io.iterativeflow.api;

import java.time.Instant;
import java.util.Optional;

/** One transition in a run's audit trail, such as {@code created}, {@code claimed}, {@code step_completed}. */
public record EventInfo(long id, String type, int attempt, Optional<String> cursorKey, Optional<String> detail,
        Instant at) {
}
