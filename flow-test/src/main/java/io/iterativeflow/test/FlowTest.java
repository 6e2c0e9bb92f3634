package io.iterativeflow.test;

import io.iterativeflow.api.FlowBody;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class of flows: each test method may take a {@link TestFlowEnvironment} parameter, with the listed flow
 * classes registered, on a database emptied for it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(FlowTestExtension.class)
public @interface FlowTest {

    /** The {@code @Flow} classes every test of the class runs; more can be added with {@code register(...)}. */
    @SuppressWarnings("rawtypes")
    Class<? extends FlowBody>[] flows() default {};
}
