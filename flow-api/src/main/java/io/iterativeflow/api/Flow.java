package io.iterativeflow.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link FlowBody} bean as a durable flow. The bean is application scoped unless it declares
 * {@code @Dependent} or {@code @Singleton}; any other scope fails the deployment, because flows run on engine threads
 * where no request or session exists.
 *
 * <pre>{@code
 * @Flow(name = "order", version = 2)
 * public class OrderFlow implements FlowBody<Order, Receipt> { ... }
 * }</pre>
 */
@Stereotype
@ApplicationScoped
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Flow {

    /** The flow's name: 1 to 200 characters of letters, digits, {@code . _ -}. Defaults to the simple class name. */
    String name() default "";

    /** The flow's version, a positive number. Runs always replay on the version they started on. */
    int version() default 1;

    /** The value of {@link #maxConcurrency()} and {@link #rateLimit()} that sets no limit: the default. */
    int UNLIMITED = -1;

    /**
     * At most this many runs of the flow (all versions) are running at once, across all instances; the others wait,
     * ready, until a running one ends or suspends. 1 or more, or {@link #UNLIMITED} (the default). The configuration
     * key {@code flow.flows.<name>.max-concurrency} overrides it.
     */
    int maxConcurrency() default UNLIMITED;

    /**
     * At most this many runs of the flow (all versions) are claimed per {@link #ratePeriod()}, across all instances;
     * the others stay ready and are claimed in a later period. 1 or more, or {@link #UNLIMITED} (the default). The
     * configuration key {@code flow.flows.<name>.rate-limit} overrides it.
     */
    int rateLimit() default UNLIMITED;

    /**
     * The period of {@link #rateLimit()}: a duration of 1 second or more, such as {@code 1s}, {@code 1m} or
     * {@code PT1M}; one second by default. The configuration key {@code flow.flows.<name>.rate-period} overrides it.
     */
    String ratePeriod() default "1s";
}
