package io.iterativeflow.jpa.internal;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * Maps {@code jsonb} columns to and from {@code String} as they are. The store keeps JSON as text (the engine
 * serializes with JSON-B itself), so Hibernate needs neither Jackson nor a JSON-B provider of its own.
 */
public final class PassThroughJsonMapper implements FormatMapper {

    @Override
    public <T> T fromString(CharSequence value, JavaType<T> javaType, WrapperOptions options) {
        if (value == null) {
            return null;
        }
        if (javaType.getJavaTypeClass() != String.class) {
            throw new IllegalArgumentException("iterativeflow maps JSON columns to String only, not to "
                    + javaType.getJavaTypeClass().getName());
        }
        return javaType.getJavaTypeClass().cast(value.toString());
    }

    @Override
    public <T> String toString(T value, JavaType<T> javaType, WrapperOptions options) {
        return value == null ? null : value.toString();
    }
}
