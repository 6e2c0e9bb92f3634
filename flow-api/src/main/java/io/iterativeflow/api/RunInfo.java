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
        List<EventInfo> events) {

    public RunInfo {
        tags = Set.copyOf(tags);
        steps = List.copyOf(steps);
        timers = List.copyOf(timers);
        events = List.copyOf(events);
    }

    /** The recorded step with this cursor key, if any. */
    public Optional<StepInfo> step(String cursorKey) {
        return steps.stream().filter(s -> s.cursorKey().equals(cursorKey)).findFirst();
    }
}
