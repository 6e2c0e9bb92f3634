package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.jpa.testing.DatabaseTest;
import io.iterativeflow.jpa.testing.TestDatabase;
import io.iterativeflow.migrations.FlowMigrations;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Booting the store against a database that is not migrated (one scenario: the database starts empty). */
@DatabaseTest(migrate = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaCheckTest {

    @Test
    @Order(1)
    void an_unmigrated_database_fails_with_schema_mismatch_naming_the_fix(TestDatabase db) {
        assertThatThrownBy(() -> JpaFlowStore.create(db.dataSource(), FlowClock.SYSTEM))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.SCHEMA_MISMATCH))
                .hasMessageContaining("version 0").hasMessageContaining("FlowMigrations.migrate")
                .hasMessageContaining("run migration V1__init.sql");
    }

    @Test
    @Order(2)
    void without_the_version_check_hibernate_validation_still_refuses_missing_tables(TestDatabase db) {
        assertThatThrownBy(() -> JpaFlowStore.builder(db.dataSource()).checkSchemaVersion(false).build())
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.SCHEMA_MISMATCH))
                .hasMessageContaining("workflow");
        assertThat(db.sql().count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'workflow'"))
                .as("Hibernate generated nothing").isZero();
    }

    @Test
    @Order(3)
    void the_builder_can_migrate_first(TestDatabase db) {
        try (JpaFlowStore store = JpaFlowStore.builder(db.dataSource()).migrate(true).build()) {
            assertThat(FlowMigrations.currentVersion(db.dataSource())).isEqualTo(FlowMigrations.expectedVersion());
            assertThat(store.createRun(Runs.run("orders")).created()).isTrue();
        }
    }
}
