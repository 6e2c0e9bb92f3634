package io.iterativeflow.core.engine;

import io.iterativeflow.api.TypeRef;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

/** Whether a payload is an instance of the type its flow declares for the signal (raw type; generics unchecked). */
final class PayloadTypes {

    private PayloadTypes() {
    }

    static List<String> issues(String flow, String signal, Optional<TypeRef<?>> declared, Object payload) {
        if (declared.isEmpty()) {
            return List.of();
        }
        if (payload == null) {
            return List.of("payload: must not be null; flow " + flow + " declares signal '" + signal + "' as "
                    + declared.get());
        }
        Class<?> raw = raw(declared.get().type());
        if (raw != null && !raw.isInstance(payload)) {
            return List.of("payload: is a " + payload.getClass().getName() + ", but flow " + flow
                    + " declares signal '" + signal + "' as " + declared.get());
        }
        return List.of();
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c.isPrimitive() ? MethodType.methodType(c).wrap().returnType() : c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }
}
