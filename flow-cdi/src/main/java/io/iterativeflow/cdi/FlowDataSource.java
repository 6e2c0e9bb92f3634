package io.iterativeflow.cdi;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the {@code javax.sql.DataSource} bean the engine stores its runs in. Without such a bean the engine looks
 * the data source up in JNDI under {@value FlowConfigKeys#DATASOURCE_DEFAULT} (see {@link FlowConfigKeys#DATASOURCE}).
 *
 * <pre>{@code
 * @Produces @FlowDataSource
 * @Resource(lookup = "jdbc/orders")
 * DataSource flowDataSource;
 * }</pre>
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface FlowDataSource {

    /** The qualifier as a value, for {@code Instance.select(...)} and synthetic beans. */
    final class Literal extends AnnotationLiteral<FlowDataSource> implements FlowDataSource {

        public static final Literal INSTANCE = new Literal();

        private static final long serialVersionUID = 1L;

        private Literal() {
        }
    }
}
