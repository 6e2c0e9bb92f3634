package io.iterativeflow.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A snapshot of one run: its row, its recorded steps, its timers and its audit events (oldest first). Inputs and
 * outputs are given as the JSON the engine stored.
 */
public record RunInfo(
        String runId,
        String flowName,
        int flowVersion,
        RunStatus status,
        int attempts,
        Optional<String> idempotencyKey,
        Set<String> tags,
        int priority,
        Optional<String> inputJson,
        Optional<String> outputJson,
        Optional<FlowErrorCode> errorCode,
        Optional<String> errorMessage,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> availableAt,
        Optional<Instant> finishedAt,
        List<StepInfo> steps,
        List<TimerInfo> timers,
        List<EventInfo> events,
        boolean waitingForVersion,
        Optional<String> startedBy) {

    /** A snapshot of a run without a recorded caller (see {@link #startedBy()}). */
    public RunInfo(String runId, String flowName, int flowVersion, RunStatus status, int attempts,
            Optional<String> idempotencyKey, Set<String> tags, int priority, Optional<String> inputJson,
            Optional<String> outputJson, Optional<FlowErrorCode> errorCode, Optional<String> errorMessage,
            Instant createdAt, Instant updatedAt, Optional<Instant> availableAt, Optional<Instant> finishedAt,
            List<StepInfo> steps, List<TimerInfo> timers, List<EventInfo> events, boolean waitingForVersion) {
        this(runId, flowName, flowVersion, status, attempts, idempotencyKey, tags, priority, inputJson, outputJson,
                errorCode, errorMessage, createdAt, updatedAt, availableAt, finishedAt, steps, timers, events,
                waitingForVersion, Optional.empty());
    }

    /** A snapshot that is not waiting for a version (see {@link #waitingForVersion()}). */
    public RunInfo(String runId, String flowName, int flowVersion, RunStatus status, int attempts,
            Optional<String> idempotencyKey, Set<String> tags, int priority, Optional<String> inputJson,
            Optional<String> outputJson, Optional<FlowErrorCode> errorCode, Optional<String> errorMessage,
            Instant createdAt, Instant updatedAt, Optional<Instant> availableAt, Optional<Instant> finishedAt,
            List<StepInfo> steps, List<TimerInfo> timers, List<EventInfo> events) {
        this(runId, flowName, flowVersion, status, attempts, idempotencyKey, tags, priority, inputJson, outputJson,
                errorCode, errorMessage, createdAt, updatedAt, availableAt, finishedAt, steps, timers, events, false,
                Optional.empty());
    }

    public RunInfo {
        startedBy = startedBy == null ? Optional.empty() : startedBy;
        tags = Set.copyOf(tags);
        steps = List.copyOf(steps);
        timers = List.copyOf(timers);
        events = List.copyOf(events);
    }

    /**
     * True when the run waits (it is neither running nor terminal) and the engine that made this snapshot does not
     * deploy its flow version: it makes no progress there until {@code flowName@flowVersion} is deployed, and fails
     * with {@code FLOW_UNKNOWN} once it has waited longer than {@code flow.versions.undeployed-grace}.
     */
    public boolean waitingForVersion() {
        return waitingForVersion;
    }

    /** A copy with {@link #waitingForVersion()} set. */
    public RunInfo withWaitingForVersion(boolean waiting) {
        return new RunInfo(runId, flowName, flowVersion, status, attempts, idempotencyKey, tags, priority, inputJson,
                outputJson, errorCode, errorMessage, createdAt, updatedAt, availableAt, finishedAt, steps, timers,
                events, waiting, startedBy);
    }

    /**
     * The name of the caller principal that started the run (a child run: its parent's), as the container knew it at
     * the start; empty for an anonymous caller or an engine without an identity source. Recorded once, never changed.
     */
    public Optional<String> startedBy() {
        return startedBy;
    }

    /** The recorded step with this cursor key, if any. */
    public Optional<StepInfo> step(String cursorKey) {
        return steps.stream().filter(s -> s.cursorKey().equals(cursorKey)).findFirst();
    }
}
