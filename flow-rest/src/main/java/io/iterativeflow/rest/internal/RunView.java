package io.iterativeflow.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonValue;

import io.iterativeflow.api.EventInfo;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.StepInfo;
import io.iterativeflow.api.TimerInfo;

/** A run as {@code GET /runs/{id}} shows it: its state, input and output as JSON, steps, timers and events. */
public record RunView(String runId, String flow, int version, String status, int attempts, String idempotencyKey,
        Set<String> tags, int priority, JsonValue input, JsonValue output, Failure error, Instant createdAt,
        Instant updatedAt, Instant availableAt, Instant finishedAt, List<Step> steps, List<Timer> timers,
        List<Event> events, String startedBy) {

    /** Why a step or run failed. */
    public record Failure(String code, String message) {
    }

    public record Step(String cursorKey, String name, String kind, boolean completed, int attempts, JsonValue result,
            Failure error, Instant createdAt, Instant finishedAt) {
    }

    public record Timer(String cursorKey, String kind, Instant dueAt, Instant firedAt) {
    }

    /** One audit event; {@code actor} is the caller behind a start, signal, cancel or retry, when known. */
    public record Event(long id, String type, int attempt, String cursorKey, String detail, Instant at,
            String actor) {
    }

    public static RunView of(RunInfo run) {
        return new RunView(run.runId(), run.flowName(), run.flowVersion(), run.status().dbName(), run.attempts(),
                run.idempotencyKey().orElse(null), run.tags(), run.priority(), JsonText.of(run.inputJson()),
                JsonText.of(run.outputJson()), failure(run), run.createdAt(), run.updatedAt(),
                run.availableAt().orElse(null), run.finishedAt().orElse(null),
                run.steps().stream().map(RunView::step).toList(),
                run.timers().stream().map(RunView::timer).toList(),
                run.events().stream().map(RunView::event).toList(), run.startedBy().orElse(null));
    }

    static Failure failure(RunInfo run) {
        return run.errorCode().isEmpty() && run.errorMessage().isEmpty() ? null
                : new Failure(run.errorCode().map(Enum::name).orElse(null), run.errorMessage().orElse(null));
    }

    private static Step step(StepInfo s) {
        Failure error = s.errorCode().isEmpty() && s.errorMessage().isEmpty() ? null
                : new Failure(s.errorCode().map(Enum::name).orElse(null), s.errorMessage().orElse(null));
        return new Step(s.cursorKey(), s.name(), s.kind(), s.completed(), s.attempts(), JsonText.of(s.resultJson()),
                error, s.createdAt(), s.finishedAt().orElse(null));
    }

    private static Timer timer(TimerInfo t) {
        return new Timer(t.cursorKey(), t.kind(), t.dueAt(), t.firedAt().orElse(null));
    }

    private static Event event(EventInfo e) {
        return new Event(e.id(), e.type(), e.attempt(), e.cursorKey().orElse(null), e.detail().orElse(null), e.at(),
                e.actor().orElse(null));
    }
}
