package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.InputInvalidException;
import io.iterativeflow.core.config.EngineSettings;
import io.iterativeflow.core.json.JsonCodec;
import io.iterativeflow.core.json.JsonSize;
import io.iterativeflow.core.json.StorableJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A run's input as the store keeps it: checked, written as JSON, within {@code flow.limits.max-input-bytes}. */
final class Inputs {

    private Inputs() {
    }

    /**
     * {@code input} as JSON for a run of {@code flow}; {@code INPUT_INVALID} when it is null (and the flow takes
     * one), cannot be written or holds text the store cannot keep (a NUL character), {@code INPUT_TOO_LARGE} over
     * {@code maxBytes}. Nothing is written either way.
     *
     * @param what names the input in messages, such as "the input of flow order@1"
     * @param runId the run the failure concerns, if any (a parent invoking a child)
     */
    static String toJson(JsonCodec codec, FlowDefinition<?, ?> flow, Object input, long maxBytes, String what,
            String runId) {
        if (input == null && flow.inputType().type() != Void.class) {
            throw new FlowException(FlowErrorCode.INPUT_INVALID, what + " is null; pass a " + flow.inputType(),
                    runId, null);
        }
        String json;
        try {
            json = codec.toJson(input);
        } catch (RuntimeException e) {
            throw new FlowException(FlowErrorCode.INPUT_INVALID, what + " cannot be written as JSON: "
                    + e.getMessage(), runId, e);
        }
        JsonSize.check(json, maxBytes, FlowErrorCode.INPUT_TOO_LARGE, what,
                EngineSettings.PREFIX + "limits.max-input-bytes");
        String problem = StorableJson.problem(json);
        if (problem != null) {
            throw new FlowException(FlowErrorCode.INPUT_INVALID, what + " cannot be stored: " + problem, runId, null);
        }
        return json;
    }

    /**
     * Checks {@code inputs} (the one input of a start, or the requests of a startAll in order when {@code list})
     * against their Bean Validation constraints and throws one {@link InputInvalidException} naming every violation
     * of every request.
     */
    static void validate(InputCheck check, String what, List<?> inputs, boolean list, String runId) {
        List<InputInvalidException.Issue> issues = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            issues.addAll(check.issues(inputs.get(i), i));
        }
        if (issues.isEmpty()) {
            return;
        }
        String message;
        if (!list) {
            message = what + " breaks the constraints of its type: "
                    + issues.stream().map(Object::toString).collect(Collectors.joining("; "));
        } else {
            Map<Integer, String> byRequest = issues.stream().collect(Collectors.groupingBy(
                    InputInvalidException.Issue::request, TreeMap::new,
                    Collectors.mapping(Object::toString, Collectors.joining(", "))));
            message = byRequest.size() + " of the " + inputs.size() + " requests to " + what + " break the"
                    + " constraints of the input type: " + byRequest.entrySet().stream()
                    .map(e -> "request " + e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
        }
        throw new InputInvalidException(message + "; nothing was started, correct the input and start again",
                runId, issues);
    }
}
