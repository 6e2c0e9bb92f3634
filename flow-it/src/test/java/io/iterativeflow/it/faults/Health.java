package io.iterativeflow.it.faults;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import io.iterativeflow.it.servers.LibertyServer;

/** The engine's check ({@code iterativeflow}) in Liberty's {@code /health/ready} and {@code /health/live}. */
record Health(int status, JsonObject data) {

    static Health ready(LibertyServer server) throws InterruptedException {
        return read(FaultApp.get(server, "health/ready"));
    }

    static Health live(LibertyServer server) throws InterruptedException {
        return read(FaultApp.get(server, "health/live"));
    }

    boolean up() {
        return status == 200;
    }

    String value(String key) {
        JsonValue value = data.get(key);
        return value == null ? null : value.getValueType() == JsonValue.ValueType.STRING
                ? data.getString(key) : value.toString();
    }

    private static Health read(FaultApp.Answer answer) {
        if (answer.status() != 200 && answer.status() != 503) {
            return new Health(answer.status(), JsonValue.EMPTY_JSON_OBJECT);
        }
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            for (JsonValue check : reader.readObject().getJsonArray("checks")) {
                JsonObject object = check.asJsonObject();
                if ("iterativeflow".equals(object.getString("name"))) {
                    return new Health(answer.status(), object.getJsonObject("data"));
                }
            }
        }
        return new Health(answer.status(), JsonValue.EMPTY_JSON_OBJECT);
    }
}
