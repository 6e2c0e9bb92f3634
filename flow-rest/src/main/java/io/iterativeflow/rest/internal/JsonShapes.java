package io.iterativeflow.rest.internal;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;

/**
 * A type as the JSON a caller sends for it, in JSON words only: {@code an integer}, {@code text},
 * {@code an object {"id": text, "grams": an integer}}. Used in messages that say what a body should look like.
 */
public final class JsonShapes {

    private JsonShapes() {
    }

    public static String of(Type type) {
        return of(type, 0);
    }

    private static String of(Type type, int depth) {
        if (type instanceof ParameterizedType parameterized) {
            Type raw = parameterized.getRawType();
            Type[] args = parameterized.getActualTypeArguments();
            if (raw == Optional.class) {
                return of(args[0], depth);
            }
            if (raw instanceof Class<?> c && Collection.class.isAssignableFrom(c)) {
                return depth > 1 ? "an array" : "an array of " + of(args[0], depth + 1);
            }
            return raw instanceof Class<?> c ? of(c, depth) : "a JSON value";
        }
        if (type instanceof GenericArrayType array) {
            return depth > 1 ? "an array" : "an array of " + of(array.getGenericComponentType(), depth + 1);
        }
        return type instanceof Class<?> c ? of(c, depth) : "a JSON value";
    }

    private static String of(Class<?> c, int depth) {
        if (c == String.class || c == char.class || c == Character.class || c == UUID.class) {
            return "text";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "true or false";
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class || c == short.class
                || c == Short.class || c == byte.class || c == Byte.class || c == BigInteger.class) {
            return "an integer" + range(c);
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class || c == BigDecimal.class
                || c == Number.class) {
            return "a number";
        }
        if (c.isEnum()) {
            StringJoiner names = new StringJoiner(", ", "one of the texts ", "");
            Arrays.stream(c.getEnumConstants()).forEach(constant -> names.add("\"" + ((Enum<?>) constant).name() + "\""));
            return names.toString();
        }
        if (TemporalAccessor.class.isAssignableFrom(c)) {
            return "text holding a date or time in ISO-8601 form";
        }
        if (c.isArray()) {
            return depth > 1 ? "an array" : "an array of " + of(c.getComponentType(), depth + 1);
        }
        if (Collection.class.isAssignableFrom(c)) {
            return "an array";
        }
        if (c == Object.class || JsonValue.class.isAssignableFrom(c)) {
            return "a JSON value";
        }
        if (Map.class.isAssignableFrom(c) || depth > 0) {
            return "an object";
        }
        return "an object " + fields(c);
    }

    private static String range(Class<?> c) {
        if (c == int.class || c == Integer.class) {
            return " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (c == long.class || c == Long.class) {
            return " from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        return "";
    }

    private static String fields(Class<?> c) {
        StringJoiner fields = new StringJoiner(", ", "{", "}");
        if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                JsonbProperty named = component.getAccessor().getAnnotation(JsonbProperty.class);
                fields.add(field(named != null && !named.value().isEmpty() ? named.value() : component.getName(),
                        component.getGenericType()));
            }
            return fields.toString();
        }
        for (Field field : c.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())
                    && !field.isAnnotationPresent(JsonbTransient.class) && !field.isSynthetic()) {
                JsonbProperty named = field.getAnnotation(JsonbProperty.class);
                fields.add(field(named != null && !named.value().isEmpty() ? named.value() : field.getName(),
                        field.getGenericType()));
            }
        }
        return fields.toString();
    }

    private static String field(String name, Type type) {
        return "\"" + name + "\": " + of(type, 1);
    }
}
