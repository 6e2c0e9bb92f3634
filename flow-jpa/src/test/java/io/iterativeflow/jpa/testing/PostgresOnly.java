package io.iterativeflow.jpa.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test of something only PostgreSQL has (notifications, query plans, statement and commit counts of the single
 * round-trip statements): the run of the suite on H2 ({@code -Dflow.test.database=h2}) leaves it out.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(PostgresOnly.TAG)
public @interface PostgresOnly {

    /** The JUnit tag the H2 run excludes. */
    String TAG = "postgresql-only";
}
