package io.iterativeflow.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlowMigrationsTest {

    private ScratchDatabase database;

    @BeforeEach
    void createDatabase() {
        database = new ScratchDatabase();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void an_empty_database_is_at_version_zero() {
        assertThat(FlowMigrations.currentVersion(database.dataSource())).isZero();
    }

    @Test
    void migrate_creates_the_tables_in_the_workflow_schema_and_reports_the_version() throws Exception {
        MigrationResult result = FlowMigrations.migrate(database.dataSource());

        assertThat(result).isEqualTo(new MigrationResult(0, FlowMigrations.expectedVersion(), scripts().size()));
        assertThat(result.changed()).isTrue();
        assertThat(FlowMigrations.currentVersion(database.dataSource())).isEqualTo(FlowMigrations.expectedVersion());
        assertThat(strings("SELECT table_name FROM information_schema.tables WHERE table_schema = 'workflow'"))
                .containsExactlyInAnyOrder("runs", "steps", "timers", "signals", "events", "flow_control",
                        "flyway_schema_history");
        assertThat(strings("SELECT table_schema FROM information_schema.tables WHERE table_name = 'runs'"))
                .containsExactly("workflow");
    }

    @Test
    void migrating_twice_is_harmless() throws Exception {
        FlowMigrations.migrate(database.dataSource());

        MigrationResult second = FlowMigrations.migrate(database.dataSource());

        assertThat(second.changed()).isFalse();
        assertThat(second.fromVersion()).isEqualTo(FlowMigrations.expectedVersion());
        assertThat(second.toVersion()).isEqualTo(FlowMigrations.expectedVersion());
        assertThat(strings("SELECT version FROM workflow.flyway_schema_history WHERE version IS NOT NULL"))
                .containsExactlyElementsOf(scripts());
    }

    @Test
    void two_instances_migrating_at_once_apply_each_script_once() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<MigrationResult>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return FlowMigrations.migrate(database.dataSource());
                }, threads));
            }

            int executed = 0;
            for (CompletableFuture<MigrationResult> result : results) {
                executed += result.get().migrationsExecuted();
                assertThat(result.get().toVersion()).isEqualTo(FlowMigrations.expectedVersion());
            }
            assertThat(executed).isEqualTo(scripts().size());
            assertThat(FlowMigrations.currentVersion(database.dataSource()))
                    .isEqualTo(FlowMigrations.expectedVersion());
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<String> scripts() throws Exception {
        return ExpectedVersionTest.scriptVersions("db/migration/iterativeflow");
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
