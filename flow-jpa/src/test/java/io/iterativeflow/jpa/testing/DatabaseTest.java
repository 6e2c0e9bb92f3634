package io.iterativeflow.jpa.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test class a fresh PostgreSQL database of its own (created before the class, dropped after it), migrated
 * with {@code FlowMigrations} unless {@link #migrate()} is false. Test methods, constructors and {@code @BeforeAll}
 * methods receive it as a {@link TestDatabase} or a {@link javax.sql.DataSource} parameter. See
 * {@link DatabaseExtension} for where the server comes from.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DatabaseExtension.class)
public @interface DatabaseTest {

    /** Apply the iterativeflow migrations to the fresh database. */
    boolean migrate() default true;

    /** Maximum connections of the class's pool. */
    int poolSize() default 6;
}
