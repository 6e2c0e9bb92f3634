package io.iterativeflow.rest.internal;

import java.io.StringReader;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/** Stored JSON texts as JSON values, so answers embed inputs, outputs and step results as JSON, not as strings. */
final class JsonText {

    private JsonText() {
    }

    static JsonValue of(Optional<String> json) {
        return json.map(JsonText::parse).orElse(JsonValue.NULL);
    }

    static JsonValue parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
