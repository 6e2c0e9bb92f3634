package io.iterativeflow.api;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Narrows the {@link FlowEvent}s an observer hears to the runs of one flow. Every event is fired with this qualifier
 * naming its run's flow; an observer without it hears the events of every flow.
 *
 * <pre>{@code
 * void shipped(@Observes @FlowName("order") FlowEvent.RunCompleted completed) { ... }
 * }</pre>
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface FlowName {

    /** The flow's name, as in {@link Flow#name()}. */
    String value();

    /** The qualifier as a value, for {@code Event.select(...)} and {@code Instance.select(...)}. */
    final class Literal extends AnnotationLiteral<FlowName> implements FlowName {

        private static final long serialVersionUID = 1L;

        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        /** The qualifier naming flow {@code name}. */
        public static Literal of(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("the flow name of @FlowName must not be null or blank");
            }
            return new Literal(name);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
