package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.config.EngineSettings;
import io.iterativeflow.core.json.JsonCodec;
import io.iterativeflow.core.json.JsonSize;
import io.iterativeflow.core.json.StorableJson;

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
}
