package io.iterativeflow.rest.internal;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import io.iterativeflow.core.json.JsonPaths;

/**
 * Reads a checked JSON body ({@link StrictJson}) as the type a flow declares, with JSON-B, and refuses a body that does
 * not fit it: a value of the wrong JSON type, or a number the type cannot hold as sent (an {@code int} field sent
 * {@code 99999999999999999999}). Messages name the place in the JSON and the expected form, never a Java type.
 */
public final class TypedJson {

    private static final Jsonb JSONB = JsonbBuilder.create();
    /** JSON-B implementations name the property they failed on in quotes, as in {@code property 'grams'}. */
    private static final Pattern PROPERTY = Pattern.compile("property '([^']{1,200})'");

    private TypedJson() {
    }

    /** The body as {@code type}; null for JSON {@code null}. {@link BodyProblem} when it does not fit. */
    public static Object read(String body, Type type) {
        JsonValue sent = StrictJson.read(body);
        if (sent.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        Object value;
        try {
            value = JSONB.fromJson(body, type);
        } catch (RuntimeException e) {
            throw new BodyProblem("the value " + place(e) + "does not have the expected form; expected "
                    + JsonShapes.of(type));
        }
        String stored;
        try {
            stored = JSONB.toJson(value);
        } catch (RuntimeException e) {
            throw new BodyProblem("the value cannot be kept as sent; expected " + JsonShapes.of(type));
        }
        NumberDrift.find(sent, StrictJson.read(stored)).ifPresent(drift -> {
            throw new BodyProblem("the number " + drift.sent() + " at " + drift.path() + " does not fit: it would be"
                    + " kept as " + drift.kept() + "; send a number the field can hold (expected " + JsonShapes.of(type)
                    + ")");
        });
        return value;
    }

    /** "at $.a.b " when the failure names the properties it failed on, else "". */
    static String place(Throwable failure) {
        List<String> names = new ArrayList<>();
        for (Throwable t = failure; t != null && names.size() < 20; t = t.getCause() == t ? null : t.getCause()) {
            Matcher matcher = PROPERTY.matcher(String.valueOf(t.getMessage()));
            while (matcher.find()) {
                if (names.isEmpty() || !names.get(names.size() - 1).equals(matcher.group(1))) {
                    names.add(matcher.group(1));
                }
            }
        }
        if (names.isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder("at $");
        names.forEach(name -> path.append(JsonPaths.member(name)));
        return path.append(' ').toString();
    }
}
