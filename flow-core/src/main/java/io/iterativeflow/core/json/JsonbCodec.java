package io.iterativeflow.core.json;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;

/** JSON-B, the Jakarta standard; the server's implementation inside a container (Yasson on Open Liberty). */
public final class JsonbCodec implements JsonCodec, AutoCloseable {

    private final Jsonb jsonb;

    public JsonbCodec() {
        this(JsonbBuilder.create());
    }

    public JsonbCodec(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    @Override
    public String toJson(Object value) {
        if (value == null) {
            return "null";
        }
        try {
            return jsonb.toJson(value);
        } catch (JsonbException | IllegalArgumentException e) {
            throw new FlowException(FlowErrorCode.SERIALIZATION_FAILED, "cannot write a " + value.getClass().getName()
                    + " as JSON: " + e.getMessage() + "; use records or beans with public accessors", e);
        }
    }

    @Override
    public Object fromJson(String json, Type type) {
        if (json == null || json.equals("null") || type == Void.class) {
            return null;
        }
        try {
            return jsonb.fromJson(json, type);
        } catch (JsonbException | IllegalArgumentException e) {
            throw new FlowException(FlowErrorCode.SERIALIZATION_FAILED, "cannot read the recorded JSON as "
                    + type.getTypeName() + ": " + e.getMessage()
                    + "; the type changed incompatibly since the value was recorded", e);
        }
    }

    @Override
    public void close() throws Exception {
        jsonb.close();
    }
}
