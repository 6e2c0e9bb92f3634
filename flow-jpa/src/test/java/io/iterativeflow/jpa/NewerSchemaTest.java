package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.jpa.testing.DatabaseTest;
import io.iterativeflow.jpa.testing.TestDatabase;
import io.iterativeflow.migrations.FlowMigrations;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A schema that a newer engine already migrated (during a rolling upgrade) is accepted with a warning, so the older
 * instances keep working until they are replaced.
 */
@DatabaseTest
class NewerSchemaTest {

    @Test
    void a_newer_schema_version_is_logged_and_the_store_still_boots(TestDatabase db) {
        // Flyway quotes the column names: lower case on every database.
        db.sql().update("INSERT INTO workflow.flyway_schema_history (\"installed_rank\", \"version\","
                + " \"description\", \"type\", \"script\", \"installed_by\", \"execution_time\", \"success\")"
                + " VALUES (99, '99', 'future', 'SQL', 'V99__future.sql', 'test', 1, true)");
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(JpaFlowStoreBuilder.class.getName());
        logger.addHandler(handler);
        try (JpaFlowStore store = JpaFlowStore.create(db.dataSource(), FlowClock.SYSTEM)) {
            assertThat(store.createRun(Runs.run("orders")).created()).isTrue();
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(FlowMigrations.currentVersion(db.dataSource())).isEqualTo(99);
        assertThat(warnings).singleElement().asString().contains("is at version 99, newer than the version "
                + FlowMigrations.expectedVersion());
    }
}
