package io.iterativeflow.jpa.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.migrations.FlowMigrations;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DatabaseTest
class DatabaseExtensionTest {

    private final TestDatabase constructorDb;

    DatabaseExtensionTest(TestDatabase db) {
        this.constructorDb = db;
    }

    @Test
    void the_class_gets_a_fresh_migrated_database_of_its_own(TestDatabase db, DataSource dataSource)
            throws SQLException {
        assertThat(db).isSameAs(constructorDb);
        assertThat(db.name()).startsWith("flowtest_");
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getCatalog()).isEqualToIgnoringCase(db.name());
        }
        assertThat(FlowMigrations.currentVersion(dataSource)).isEqualTo(FlowMigrations.expectedVersion());
        assertThat(db.sql().count("SELECT count(*) FROM workflow.runs")).isZero();
        assertThat(db.jdbcUrl()).contains(db.name());
    }

    @Test
    @PostgresOnly
    void sql_helper_binds_parameters_and_reads_rows(TestDatabase db) {
        assertThat(db.sql().value("SELECT ?::text || '!'", "hi")).isEqualTo("hi!");
        assertThat(db.sql().rows("SELECT generate_series(1, 3) AS n")).hasSize(3);
        assertThat(db.sql().value("SELECT now()")).isInstanceOf(java.time.Instant.class);
    }

    @Test
    void the_server_source_is_reported(TestDatabase db) {
        assertThat(db.source()).isNotBlank();
    }

    @Nested
    class NestedClasses {

        @Test
        void share_the_database_of_their_enclosing_class(TestDatabase db) {
            assertThat(db).isSameAs(constructorDb);
        }
    }
}
