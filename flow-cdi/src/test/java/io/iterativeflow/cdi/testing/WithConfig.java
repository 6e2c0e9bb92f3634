package io.iterativeflow.cdi.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The MicroProfile Config of a test class, as {@code key=value} pairs: registered before the class's first test
 * (so before any Weld container of the class boots), removed after its last. See {@link TestConfig}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(WithConfigExtension.class)
public @interface WithConfig {

    String[] value();
}
