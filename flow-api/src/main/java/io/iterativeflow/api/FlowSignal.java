package io.iterativeflow.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a signal a {@link Flow} waits for, and its payload type. Payloads sent to a declared signal must be
 * instances of {@link #type()}; when the type carries Bean Validation constraints they are checked when the signal
 * is sent, before anything is stored. Declaring one name twice with different types fails the deployment.
 *
 * <pre>{@code
 * @Flow(name = "approval")
 * @FlowSignal(name = "decision", type = Decision.class)
 * public class ApprovalFlow implements FlowBody<Request, Outcome> { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(FlowSignal.List.class)
public @interface FlowSignal {

    /** The signal's name: as for step names, not blank, at most 200 characters, no {@code :} or {@code #}. */
    String name();

    /** The payload type. */
    Class<?> type();

    /** Holds repeated {@link FlowSignal} declarations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        FlowSignal[] value();
    }
}
