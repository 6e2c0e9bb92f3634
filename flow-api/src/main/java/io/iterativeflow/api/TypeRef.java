package io.iterativeflow.api;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * A type token. Results and payloads are always deserialized into a type the code names, never into a class named by
 * stored data. Subclass anonymously to capture a generic type: {@code new TypeRef<List<Item>>() {}}.
 */
public abstract class TypeRef<T> {

    private final Type type;

    protected TypeRef() {
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType parameterized)) {
            throw new IllegalArgumentException("TypeRef must be created with a type argument: new TypeRef<List<X>>() {}");
        }
        this.type = parameterized.getActualTypeArguments()[0];
    }

    private TypeRef(Type type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    public static <T> TypeRef<T> of(Class<T> type) {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null: pass the result class, or Void.class for none");
        }
        return new TypeRef<>(type) { };
    }

    /** For frameworks that already hold a reflective type; the caller vouches that it matches {@code T}. */
    public static TypeRef<Object> ofType(Type type) {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        return new TypeRef<>(type) { };
    }

    public Type type() {
        return type;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TypeRef<?> ref && ref.type.equals(type);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public String toString() {
        return type.getTypeName();
    }
}
