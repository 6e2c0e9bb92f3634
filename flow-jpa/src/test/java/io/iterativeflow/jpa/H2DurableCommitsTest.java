package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.migrations.FlowMigrations;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /** Enough for the writer to commit for a while: H2 would lose what it committed in the last 500 ms. */
    private static final int COMMITS = 400;

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
    void a_process_killed_with_sigkill_keeps_every_step_the_store_had_recorded() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("killed") + ";LOCK_TIMEOUT=10000";
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), H2CommitWriter.class.getName(), url)
                .redirectError(dir.resolve("writer.err").toFile()).start();
        List<String> committed = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && committed.size() < COMMITS; line = out.readLine()) {
                committed.add(line);
            }
            writer.destroyForcibly().waitFor(); // SIGKILL while the writer keeps committing
        }
        assertThat(committed).as("committed before the kill (see %s)", dir.resolve("writer.err")).hasSize(COMMITS);

        owner = dataSource("sa");
        owner.setURL(url);
        Set<String> stored = new HashSet<>();
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT CAST(run_id AS VARCHAR) FROM workflow.steps")) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        }
        assertThat(committed).as("runs whose step was recorded before the kill, with the step still stored").allMatch(stored::contains);
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
