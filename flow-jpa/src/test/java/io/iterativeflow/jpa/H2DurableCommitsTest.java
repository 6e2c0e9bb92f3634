package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.migrations.FlowMigrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 database in a file, as the embedded default uses it, opened through a data source without a pool (every
 * connection is closed after use, so H2 would close the database in between). By default H2 writes commits to the
 * file up to 500 ms after they return; a store built on it makes every commit reach the file before it returns.
 */
class H2DurableCommitsTest {

    @TempDir
    Path dir;

    private JdbcDataSource owner;

    @AfterEach
    void shutDown() throws SQLException {
        if (owner != null) {
            execute(owner, "SHUTDOWN");
        }
    }

    @Test
    void a_store_on_h2_makes_commits_reach_the_file_before_they_return_for_as_long_as_the_jvm_runs() throws Exception {
        owner = dataSource("sa");
        FlowMigrations.migrate(owner);
        assertThat(setting(owner, "WRITE_DELAY")).as("H2's default").isEqualTo("500");

        try (JpaFlowStore store = JpaFlowStore.builder(owner).build()) {
            assertThat(store.createRun(Runs.run("orders")).created()).isTrue();
            assertThat(setting(owner, "WRITE_DELAY")).isEqualTo("0");
            assertThat(setting(owner, "DB_CLOSE_DELAY")).as("kept open, so the setting stays").isEqualTo("-1");
        }
    }

    @Test
    void a_user_who_may_not_make_commits_durable_fails_the_boot_naming_the_url_settings_to_add() throws Exception {
        owner = dataSource("sa");
        FlowMigrations.migrate(owner);
        execute(owner, "CREATE USER clerk PASSWORD 'clerk'");
        execute(owner, "GRANT ALL ON SCHEMA workflow TO clerk");
        execute(owner, "SET DB_CLOSE_DELAY -1");
        JdbcDataSource clerk = dataSource("clerk");

        assertThatThrownBy(() -> JpaFlowStore.builder(clerk).checkSchemaVersion(false).build())
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.CONFIG_INVALID))
                .hasMessageContaining("WRITE_DELAY 500").hasMessageContaining(";WRITE_DELAY=0;DB_CLOSE_DELAY=-1");
    }

    private JdbcDataSource dataSource(String user) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:" + dir.resolve("flow") + ";LOCK_TIMEOUT=10000");
        dataSource.setUser(user);
        dataSource.setPassword(user.equals("sa") ? "" : user);
        return dataSource;
    }

    private static String setting(JdbcDataSource dataSource, String name) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME = '" + name + "'")) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static void execute(JdbcDataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
