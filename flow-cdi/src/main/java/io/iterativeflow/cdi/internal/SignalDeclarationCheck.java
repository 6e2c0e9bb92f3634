package io.iterativeflow.cdi.internal;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowSignal;
import java.util.List;

/**
 * Checks the {@link FlowSignal} declarations of a {@code @Flow} class with the same rules the definition builder
 * applies, and adds them to the definition built for it.
 */
final class SignalDeclarationCheck {

    private SignalDeclarationCheck() {
    }

    /** Adds a problem when a declaration has a bad name, or one name is declared with two payload types. */
    static void check(AnnotatedFlowBean flow, List<Problem> problems) {
        try {
            declare(FlowDefinition.builder("check", Void.class, Void.class), flow.beanClass())
                    .body((ctx, in) -> null).build();
        } catch (IllegalArgumentException e) {
            problems.add(invalid(flow.origin(), e.getMessage()));
        }
    }

    /** The builder with every {@code @FlowSignal} of {@code beanClass} declared on it. */
    static <I, O> FlowDefinition.Builder<I, O> declare(FlowDefinition.Builder<I, O> builder, Class<?> beanClass) {
        FlowDefinition.Builder<I, O> declared = builder;
        for (FlowSignal signal : beanClass.getAnnotationsByType(FlowSignal.class)) {
            declared = declared.signal(signal.name(), signal.type());
        }
        return declared;
    }

    static Problem invalid(String origin, String why) {
        String detail = why.startsWith("flow 'check': ") ? why.substring("flow 'check': ".length()) : why;
        return new Problem(FlowErrorCode.FLOW_INVALID, "FLOWCDI040", origin + " has invalid @FlowSignal"
                + " declarations: " + detail);
    }
}
