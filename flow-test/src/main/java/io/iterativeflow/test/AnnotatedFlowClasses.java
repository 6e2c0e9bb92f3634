package io.iterativeflow.test;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.FlowSignal;
import io.iterativeflow.api.TypeRef;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns a {@link Flow}-annotated class into the definition the engine deploys, as the CDI extension does in a
 * server: name and version from {@code @Flow}, signals from {@code @FlowSignal}, input and output types from
 * {@code FlowBody<I, O>}. Each attempt asks {@code instances} for the body, so a CDI bean is looked up per attempt.
 */
final class AnnotatedFlowClasses {

    private AnnotatedFlowClasses() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static FlowDefinition<?, ?> definition(Class<?> flowClass, Supplier<? extends FlowBody<?, ?>> instances) {
        Flow flow = flowClass.getAnnotation(Flow.class);
        if (flow == null || !FlowBody.class.isAssignableFrom(flowClass)) {
            throw new FlowException(FlowErrorCode.FLOW_INVALID, flowClass.getName() + " is not a flow: a flow class"
                    + " implements FlowBody<I, O> and is annotated @Flow; pass FlowDefinitions built in code with"
                    + " TestFlowEnvironment.register(definition)");
        }
        Type[] types = flowBodyArguments(flowClass, Map.of());
        if (types == null) {
            throw new FlowException(FlowErrorCode.FLOW_INVALID, flowClass.getName() + " does not name the input and"
                    + " output types of FlowBody<I, O>; implement FlowBody with concrete types");
        }
        String name = flow.name().isEmpty() ? flowClass.getSimpleName() : flow.name();
        FlowDefinition.Builder builder = FlowDefinition.builder(name, TypeRef.ofType(types[0]),
                TypeRef.ofType(types[1])).version(flow.version());
        for (FlowSignal signal : flowClass.getAnnotationsByType(FlowSignal.class)) {
            builder = builder.signal(signal.name(), signal.type());
        }
        FlowBody<Object, Object> body = (ctx, input) -> ((FlowBody<Object, Object>) instances.get()).run(ctx, input);
        return builder.body(body).build();
    }

    /** The {@code I} and {@code O} that {@code type} binds {@code FlowBody} to; null when it does not. */
    private static Type[] flowBodyArguments(Type type, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw = type instanceof Class<?> c ? c
                : type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : null;
        if (raw == null) {
            return null;
        }
        Map<TypeVariable<?>, Type> own = new HashMap<>();
        TypeVariable<?>[] variables = raw.getTypeParameters();
        Type[] arguments = type instanceof ParameterizedType p ? p.getActualTypeArguments() : variables;
        for (int i = 0; i < variables.length; i++) {
            own.put(variables[i], bindings.getOrDefault(arguments[i], arguments[i]));
        }
        if (raw == FlowBody.class) {
            Type input = own.get(variables[0]);
            Type output = own.get(variables[1]);
            return input instanceof TypeVariable<?> || output instanceof TypeVariable<?> ? null
                    : new Type[] {input, output};
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Type[] found = flowBodyArguments(parent, own);
            if (found != null) {
                return found;
            }
        }
        return raw.getGenericSuperclass() == null ? null : flowBodyArguments(raw.getGenericSuperclass(), own);
    }
}
