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
}
