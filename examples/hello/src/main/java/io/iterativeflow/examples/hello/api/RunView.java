package io.iterativeflow.examples.hello.api;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import io.iterativeflow.api.EventInfo;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.StepInfo;

/** A run as the API shows it: status, output, recorded steps and the audit trail. Absent values are left out. */
public record RunView(String runId, String flow, int version, String status, int attempts, JsonValue output,
        String errorCode, String errorMessage, Instant createdAt, Instant finishedAt, List<StepView> steps,
        List<EventView> events) {

    /** One recorded entry: a step with its result or error, or a sleep. */
    public record StepView(String key, String name, String kind, boolean completed, int attempts, JsonValue result,
            String errorCode, String errorMessage) {
    }

    public record EventView(String type, int attempt, String key, Instant at) {
    }

    static RunView of(RunInfo run) {
        return new RunView(run.runId(), run.flowName(), run.flowVersion(), run.status().dbName(), run.attempts(),
                json(run.outputJson()), code(run.errorCode()), run.errorMessage().orElse(null), run.createdAt(),
                run.finishedAt().orElse(null), run.steps().stream().map(RunView::step).toList(),
                run.events().stream().map(RunView::event).toList());
    }

    private static StepView step(StepInfo s) {
        return new StepView(s.cursorKey(), s.name(), s.kind(), s.completed(), s.attempts(), json(s.resultJson()),
                code(s.errorCode()), s.errorMessage().orElse(null));
    }

    private static EventView event(EventInfo e) {
        return new EventView(e.type(), e.attempt(), e.cursorKey().orElse(null), e.at());
    }

    private static String code(Optional<FlowErrorCode> code) {
        return code.map(Enum::name).orElse(null);
    }

    /** The stored JSON as a JSON value, so it is embedded in the answer instead of quoted. */
    private static JsonValue json(Optional<String> stored) {
        if (stored.isEmpty()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(stored.get()))) {
            return reader.readValue();
        }
    }
}
