package io.iterativeflow.jpa.testing;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * JSON text as a value, for assertions that must hold on every database: PostgreSQL's {@code jsonb} prints
 * {@code {"a": 1}}, H2's JSON {@code {"a":1}}, and the two may order an object's keys differently.
 */
public final class JsonText {

    private JsonText() {
    }

    /** The parsed value of {@code json}; null for SQL NULL. Compare two with {@code equals}. */
    public static JsonValue value(Object json) {
        if (json == null) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(json.toString()))) {
            return reader.readValue();
        }
    }
}
