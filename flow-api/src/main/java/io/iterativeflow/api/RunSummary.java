package io.iterativeflow.api;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** One run in a listing: its row without input, output or history (see {@link FlowEngine#status(String)}). */
public record RunSummary(
        String runId,
        String flowName,
        int flowVersion,
        RunStatus status,
        int attempts,
        Optional<String> idempotencyKey,
        Set<String> tags,
        int priority,
        Optional<FlowErrorCode> errorCode,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> finishedAt) {

    public RunSummary {
        tags = Set.copyOf(tags);
    }
}
