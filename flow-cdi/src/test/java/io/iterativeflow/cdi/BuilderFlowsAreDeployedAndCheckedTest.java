package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.cdi.flows.InvoicingFlows;
import io.iterativeflow.cdi.testing.Containers;
import io.iterativeflow.cdi.testing.FlowDataSourceBean;
import io.iterativeflow.cdi.testing.TestConfig;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.NewRun;
import io.iterativeflow.jpa.JpaFlowStore;
import io.iterativeflow.jpa.testing.DatabaseTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A builder flow produced as a bean runs through the injected engine, and its node tree backs the deployment check. */
@DatabaseTest
class BuilderFlowsAreDeployedAndCheckedTest {

    private final DataSource dataSource;
    private final JpaFlowStore store;

    BuilderFlowsAreDeployedAndCheckedTest(DataSource dataSource) {
        this.dataSource = dataSource;
        this.store = JpaFlowStore.create(dataSource, FlowClock.SYSTEM);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void a_produced_builder_flow_runs_its_loop_through_the_injected_engine() {
        try (TestConfig config = TestConfig.of("flow.worker.poll-interval=100ms"); WeldContainer app = boot()) {
            FlowEngine engine = app.select(FlowEngine.class).get();
            var handle = engine.flow(InvoicingFlows.NAME, Integer.class, String.class);
            String runId = handle.start(0);

            assertThat(handle.result(runId, Duration.ofSeconds(30))).isEqualTo("reminded up to 3");
            assertThat(engine.status(runId).steps()).extracting(s -> s.cursorKey())
                    .containsExactly("draft", "remind", "remind:1");
        }
    }

    @Test
    void a_run_whose_recorded_step_the_tree_no_longer_has_fails_the_deployment_and_one_within_the_loop_does_not()
            throws Exception {
        UUID removed = runWithStep("approve");
        UUID withinLoop = runWithStep("remind:4");
        UUID beyondLoop = runWithStep("remind:5");

        try (TestConfig config = TestConfig.of("flow.versions.check=fail")) {
            assertThatThrownBy(() -> boot().close())
                    .hasStackTraceContaining("FLOWCDI042: in-flight run " + removed + " of flow invoicing@1 cannot"
                            + " replay on the deployed flows: it recorded step 'approve'")
                    .hasStackTraceContaining("FLOWCDI042: in-flight run " + beyondLoop)
                    .hasStackTraceContaining("recorded step 'remind:5'")
                    .hasStackTraceContaining("2 in-flight run(s) cannot replay")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(withinLoop.toString()));
        }
    }

    private WeldContainer boot() {
        return Containers.boot(new FlowDataSourceBean(dataSource), InvoicingFlows.class);
    }

    private UUID runWithStep(String cursorKey) throws Exception {
        UUID id = UUID.randomUUID();
        store.createRun(new NewRun(id, InvoicingFlows.NAME, 1, "0", Optional.empty(), Set.of(), 0, Duration.ZERO));
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO workflow.steps (run_id, cursor_key, name, kind, status, result, position, created_at)"
                        + " VALUES (?, ?, ?, 'step', 'completed', '1'::jsonb, 0, now())")) {
            insert.setObject(1, id);
            insert.setString(2, cursorKey);
            insert.setString(3, cursorKey.split(":")[0]);
            insert.executeUpdate();
        }
        return id;
    }
}
