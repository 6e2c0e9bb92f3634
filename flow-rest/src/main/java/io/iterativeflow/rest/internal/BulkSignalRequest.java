package io.iterativeflow.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;

/**
 * The body of {@code POST /runs/signals}: {@code {"runIds": ["..."], "name": "...", "payload": <any JSON>}}. Read
 * strictly: a member that is missing, of the wrong kind or unknown is refused with {@code ARGUMENT_INVALID}; the
 * payload stays JSON text until it is read as the declared type.
 *
 * @param payload the payload's JSON text; null when the member is absent
 */
public record BulkSignalRequest(List<String> runIds, String name, String payload) {

    private static final Set<String> MEMBERS = Set.of("runIds", "name", "payload");
    private static final String SHAPE = "{\"runIds\": [\"<run id>\", ...], \"name\": \"<signal>\", \"payload\": ...}";

    public static BulkSignalRequest parse(String body) {
        JsonValue value;
        try {
            value = body == null || body.isBlank() ? null : StrictJson.read(body);
        } catch (BodyProblem e) {
            throw refused("is not JSON: " + e.getMessage());
        }
        if (!(value instanceof JsonObject object)) {
            throw refused("must be a JSON object");
        }
        for (String member : object.keySet()) {
            if (!MEMBERS.contains(member)) {
                throw refused("has the unknown member '" + Answers.shown(member) + "'");
            }
        }
        if (!(object.get("runIds") instanceof JsonArray array)) {
            throw refused("needs 'runIds', an array of run ids");
        }
        if (array.size() > FlowEngine.MAX_BULK_SIGNAL_RUNS) {
            throw refused("has " + array.size() + " run ids; at most " + FlowEngine.MAX_BULK_SIGNAL_RUNS
                    + " are allowed, split the list");
        }
        List<String> runIds = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonString id)) {
                throw refused("has run id " + i + " that is not a string");
            }
            runIds.add(id.getString());
        }
        if (!(object.get("name") instanceof JsonString name)) {
            throw refused("needs 'name', the signal's name as a string");
        }
        JsonValue payload = object.get("payload");
        return new BulkSignalRequest(List.copyOf(runIds), name.getString(),
                payload == null ? null : payload.toString());
    }

    private static FlowException refused(String problem) {
        return new FlowException(FlowErrorCode.ARGUMENT_INVALID, "the body of a bulk signal " + problem + "; send "
                + SHAPE);
    }
}
