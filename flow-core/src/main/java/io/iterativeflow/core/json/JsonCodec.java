package io.iterativeflow.core.json;

import java.lang.reflect.Type;

/** Turns values into JSON text and back, always into a type the code names. */
public interface JsonCodec {

    /** @throws io.iterativeflow.api.FlowException with {@code SERIALIZATION_FAILED} when the value cannot be written */
    String toJson(Object value);

    /** @throws io.iterativeflow.api.FlowException with {@code SERIALIZATION_FAILED} when the JSON does not fit */
    Object fromJson(String json, Type type);
}
