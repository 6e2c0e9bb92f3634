package io.iterativeflow.cdi.internal;

import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowDefinition;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Finds the {@code I} and {@code O} of {@code FlowBody<I, O>} for a class, through superclasses and interfaces. */
final class FlowTypes {

    private FlowTypes() {
    }

    /**
     * The type arguments of {@link FlowBody} as {@code type} binds them, with every type variable of the hierarchy
     * replaced by what it is bound to; empty when {@code type} does not implement {@link FlowBody}. The result may
     * still hold type variables or wildcards (see {@link #isConcrete}); a raw {@code FlowBody} yields its own
     * variables.
     */
    static Optional<Type[]> flowBodyArguments(Class<?> type) {
        return search(type, Map.of());
    }

    /** True when {@code type} holds no type variable and no wildcard, at any depth. */
    static boolean isConcrete(Type type) {
        if (type instanceof Class<?>) {
            return true;
        }
        if (type instanceof ParameterizedType parameterized) {
            return Arrays.stream(parameterized.getActualTypeArguments()).allMatch(FlowTypes::isConcrete);
        }
        if (type instanceof GenericArrayType array) {
            return isConcrete(array.getGenericComponentType());
        }
        return false;
    }

    static boolean isFlowBody(Type type) {
        return raw(type) == FlowBody.class;
    }

    static boolean isFlowDefinition(Type type) {
        return raw(type) == FlowDefinition.class;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : null;
    }

    private static Optional<Type[]> search(Type type, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw = raw(type);
        if (raw == null) {
            return Optional.empty();
        }
        Map<TypeVariable<?>, Type> own = new HashMap<>();
        TypeVariable<?>[] variables = raw.getTypeParameters();
        Type[] arguments = type instanceof ParameterizedType p ? p.getActualTypeArguments() : variables;
        for (int i = 0; i < variables.length; i++) {
            own.put(variables[i], SyntheticTypes.substitute(arguments[i], bindings));
        }
        if (raw == FlowBody.class) {
            return Optional.of(new Type[] {own.get(variables[0]), own.get(variables[1])});
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Optional<Type[]> found = search(parent, own);
            if (found.isPresent()) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? Optional.empty() : search(superclass, own);
    }
}
