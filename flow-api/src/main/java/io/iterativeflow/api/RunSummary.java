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
        Optional<Instant> finishedAt,
        Optional<String> startedBy) {

    /** A summary of a run without a recorded caller (see {@link #startedBy()}). */
    public RunSummary(String runId, String flowName, int flowVersion, RunStatus status, int attempts,
            Optional<String> idempotencyKey, Set<String> tags, int priority, Optional<FlowErrorCode> errorCode,
            Instant createdAt, Instant updatedAt, Optional<Instant> finishedAt) {
        this(runId, flowName, flowVersion, status, attempts, idempotencyKey, tags, priority, errorCode, createdAt,
                updatedAt, finishedAt, Optional.empty());
    }

    public RunSummary {
        tags = Set.copyOf(tags);
        startedBy = startedBy == null ? Optional.empty() : startedBy;
    }

    /** The caller principal that started the run, as in {@link RunInfo#startedBy()}. */
    public Optional<String> startedBy() {
        return startedBy;
    }
}
