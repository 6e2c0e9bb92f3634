package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.cdi.parcels.CompatibleParcelFlow;
import io.iterativeflow.cdi.parcels.ParcelFlow;
import io.iterativeflow.cdi.parcels.RenamedParcelFlow;
import io.iterativeflow.cdi.testing.Containers;
import io.iterativeflow.cdi.testing.FlowDataSourceBean;
import io.iterativeflow.cdi.testing.TestConfig;
import io.iterativeflow.jpa.testing.DatabaseTest;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A code flow changed in place is replayed dry against its in-flight runs at deployment: a change they cannot follow
 * fails the deployment ({@code flow.versions.check=fail}) with each run named, a compatible one deploys.
 */
@DatabaseTest
class CodeFlowsAreReplayedDryAtDeploymentTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private String waiting;

    CodeFlowsAreReplayedDryAtDeploymentTest(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @BeforeEach
    void aRunWaitsForItsLabel() {
        try (TestConfig config = TestConfig.of("flow.worker.poll-interval=100ms", "flow.shutdown.timeout=2s");
                WeldContainer app = boot(ParcelFlow.class)) {
            FlowEngine engine = app.select(FlowEngine.class).get();
            waiting = engine.flow(ParcelFlow.class).start("p-1");
            await().atMost(PATIENCE).until(() -> engine.status(waiting).status() == RunStatus.AWAITING_SIGNAL);
        }
    }

    @Test
    void a_change_the_run_cannot_follow_fails_the_deployment_naming_the_run() {
        try (TestConfig config = TestConfig.of("flow.versions.check=fail")) {
            assertThatThrownBy(() -> boot(RenamedParcelFlow.class).close())
                    .hasStackTraceContaining("FLOWCDI042: in-flight run " + waiting + " of flow parcel@1 cannot"
                            + " replay on the deployed flows: run " + waiting + " waits at signal 'signal:label',"
                            + " which flow parcel@1 as deployed never reaches: before it, the code stops at signal"
                            + " 'signal:tag', which has no record");
        }
        try (TestConfig config = TestConfig.of("flow.shutdown.timeout=2s");
                WeldContainer app = boot(ParcelFlow.class)) {
            assertThat(app.select(FlowEngine.class).get().status(waiting).status())
                    .as("the dry replay changed nothing").isEqualTo(RunStatus.AWAITING_SIGNAL);
        }
    }

    @Test
    void a_compatible_change_deploys_and_the_run_goes_on() {
        try (TestConfig config = TestConfig.of("flow.versions.check=fail", "flow.worker.poll-interval=100ms",
                "flow.shutdown.timeout=2s"); WeldContainer app = boot(CompatibleParcelFlow.class)) {
            FlowEngine engine = app.select(FlowEngine.class).get();
            engine.signal(waiting, "label", "L-7");
            assertThat(engine.flow(CompatibleParcelFlow.class).result(waiting, PATIENCE)).isEqualTo("p-1 2kg L-7");
        }
    }

    @Test
    void an_excluded_flow_is_not_replayed() {
        try (TestConfig config = TestConfig.of("flow.versions.check=fail", "flow.shutdown.timeout=2s",
                "flow.versions.dry-replay.exclude=invoice, parcel"); WeldContainer app = boot(RenamedParcelFlow.class)) {
            assertThat(app.select(FlowEngine.class).get().status(waiting).status())
                    .isEqualTo(RunStatus.AWAITING_SIGNAL);
        }
    }

    @Test
    void invalid_dry_replay_settings_fail_the_deployment_naming_their_keys() {
        try (TestConfig config = TestConfig.of("flow.versions.dry-replay.limit=-1",
                "flow.versions.dry-replay.budget=0s")) {
            assertThatThrownBy(() -> boot(ParcelFlow.class).close())
                    .isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("FLOWCDI020: flow.versions.dry-replay.limit must be 0 (off) or more, got -1")
                    .hasMessageContaining("FLOWCDI020: flow.versions.dry-replay.budget must be a positive duration");
        }
    }

    private WeldContainer boot(Class<?> flow) {
        return Containers.boot(new FlowDataSourceBean(dataSource), flow);
    }
}
