package io.iterativeflow.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The H2 scripts on an in-memory H2, with H2's default upper-case names and with {@code DATABASE_TO_LOWER}. */
class H2MigrationsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", ";DATABASE_TO_LOWER=TRUE"})
    void migrate_creates_the_tables_once_and_reports_the_version(String options) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migrations_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + options);
        try (Connection keepAlive = h2.getConnection()) {
            assertThat(FlowMigrations.currentVersion(h2)).isZero();

            MigrationResult first = FlowMigrations.migrate(h2);
            MigrationResult second = FlowMigrations.migrate(h2);

            assertThat(first).isEqualTo(new MigrationResult(0, FlowMigrations.expectedVersion(),
                    ExpectedVersionTest.scriptVersions("db/migration-h2/iterativeflow").size()));
            assertThat(second.changed()).isFalse();
            assertThat(FlowMigrations.currentVersion(h2)).isEqualTo(FlowMigrations.expectedVersion());
            assertThat(strings(keepAlive, "SELECT LOWER(table_name) FROM information_schema.tables"
                    + " WHERE LOWER(table_schema) = 'workflow'"))
                    .containsExactlyInAnyOrder("runs", "steps", "timers", "signals", "events", "flow_control",
                            "flyway_schema_history");
            try (Statement statement = keepAlive.createStatement()) {
                statement.executeUpdate("SHUTDOWN");
            }
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
