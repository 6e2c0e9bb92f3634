package io.iterativeflow.cdi;

import io.iterativeflow.migrations.FlowMigrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.cdi.flows.Greeter;
import io.iterativeflow.cdi.flows.GreetingFlow;
import io.iterativeflow.cdi.testing.Containers;
import io.iterativeflow.cdi.testing.FlowDataSourceBean;
import io.iterativeflow.cdi.testing.TestConfig;
import io.iterativeflow.jpa.testing.DatabaseTest;
import io.iterativeflow.jpa.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** With migrations off, an absent schema fails the application's start, naming the migration to run. */
@DatabaseTest(migrate = false)
class UnmigratedSchemaFailsTheDeploymentTest {

    @Test
    void an_absent_schema_fails_with_schema_mismatch_naming_the_migration_and_the_key(TestDatabase db) {
        try (TestConfig config = TestConfig.of("flow.schema.migrate=false")) {
            assertThatThrownBy(() -> Containers.boot(new FlowDataSourceBean(db.dataSource()), GreetingFlow.class,
                    Greeter.class).close())
                    .hasStackTraceContaining("[SCHEMA_MISMATCH] FLOWCDI031: the iterativeflow schema 'workflow' is"
                            + " absent (version 0) but this engine needs version " + FlowMigrations.expectedVersion()
                            + "; run migration V1__init.sql, V2__flow_control.sql")
                    .hasStackTraceContaining("flow.schema.migrate is false");
        }
        assertThat(db.sql().count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'workflow'"))
                .as("nothing was created").isZero();
    }
}
