package io.iterativeflow.api;

import java.time.Instant;
import java.util.Optional;

/**
 * One recorded entry of a run's history. {@code kind} is {@code step}, {@code sleep}, {@code signal}, {@code invoke}
 * or {@code now}; {@code completed} is false while a step is failing and waiting for its next try.
 */
public record StepInfo(
        String cursorKey,
        String name,
        String kind,
        boolean completed,
        int attempts,
        Optional<String> resultJson,
        Optional<FlowErrorCode> errorCode,
        Optional<String> errorMessage,
        Instant createdAt,
        Optional<Instant> finishedAt) {
}
