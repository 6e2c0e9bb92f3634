package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.cdi.parcels.CompatibleParcelFlow;
import io.iterativeflow.cdi.parcels.LabelMaker;
import io.iterativeflow.cdi.parcels.LabelPrinter;
import io.iterativeflow.cdi.parcels.ParcelFlow;
import io.iterativeflow.cdi.parcels.RenamedParcelFlow;
import io.iterativeflow.cdi.testing.Containers;
import io.iterativeflow.cdi.testing.FlowDataSourceBean;
import io.iterativeflow.cdi.testing.TestConfig;
import io.iterativeflow.jpa.testing.DatabaseTest;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A code flow changed in place is replayed dry against its in-flight runs at deployment (one sleeping, one waiting
 * for a signal, one for a child, one retrying a step): a change they cannot follow fails the deployment
 * ({@code flow.versions.check=fail}) with each run named, a compatible one deploys.
 */
@DatabaseTest
class CodeFlowsAreReplayedDryAtDeploymentTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final List<String> KINDS = List.of("sleeping", "awaiting_signal", "awaiting_child", "retrying");

    private final DataSource dataSource;
    private final Map<String, String> runs = new HashMap<>();
    private String waiting;

    CodeFlowsAreReplayedDryAtDeploymentTest(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @BeforeEach
    void runsWaitInEachWay() {
        try (TestConfig config = TestConfig.of("flow.worker.poll-interval=100ms", "flow.shutdown.timeout=2s");
                WeldContainer app = boot(ParcelFlow.class, LabelPrinter.class)) {
            FlowEngine engine = app.select(FlowEngine.class).get();
            for (String kind : KINDS) {
                String runId = engine.flow(ParcelFlow.class).start(kind);
                runs.put(kind, runId);
                await().atMost(PATIENCE).until(() -> engine.status(runId).status().dbName().equals(kind));
            }
        }
        waiting = runs.get("awaiting_signal");
    }

    @Test
    void a_change_the_runs_cannot_follow_fails_the_deployment_naming_each_run() {
        try (TestConfig config = TestConfig.of("flow.versions.check=fail")) {
            assertThatThrownBy(() -> boot(RenamedParcelFlow.class, LabelPrinter.class, LabelMaker.class).close())
                    .hasStackTraceContaining("FLOWCDI042: in-flight run " + waiting + " of flow parcel@1 cannot"
                            + " replay on the deployed flows: run " + waiting + " waits at signal 'signal:label',"
                            + " which flow parcel@1 as deployed never reaches: before it, the code stops at signal"
                            + " 'signal:tag', which has no record")
                    .hasStackTraceContaining("FLOWCDI042: in-flight run " + runs.get("sleeping") + " of flow"
                            + " parcel@1 cannot replay on the deployed flows: run " + runs.get("sleeping")
                            + " waits at sleep 'cool'")
                    .hasStackTraceContaining("FLOWCDI042: in-flight run " + runs.get("awaiting_child") + " of flow"
                            + " parcel@1 cannot replay on the deployed flows: run " + runs.get("awaiting_child")
                            + " waits at invoke 'invoke:label-printer@1'")
                    .hasStackTraceContaining("FLOWCDI042: in-flight run " + runs.get("retrying") + " of flow"
                            + " parcel@1 cannot replay on the deployed flows: [REPLAY_INCOMPATIBLE_VERSION] run "
                            + runs.get("retrying") + " cannot replay on flow parcel@1: it recorded step 'ship'");
        }
        try (TestConfig config = TestConfig.of("flow.shutdown.timeout=2s");
                WeldContainer app = boot(ParcelFlow.class, LabelPrinter.class)) {
            FlowEngine engine = app.select(FlowEngine.class).get();
            for (String kind : KINDS) {
                assertThat(engine.status(runs.get(kind)).status().dbName()).as("the dry replay changed nothing")
                        .isEqualTo(kind);
            }
        }
    }

    @Test
    void a_compatible_change_deploys_and_the_run_goes_on() {
        try (TestConfig config = TestConfig.of("flow.versions.check=fail", "flow.worker.poll-interval=100ms",
                "flow.shutdown.timeout=2s");
                WeldContainer app = boot(CompatibleParcelFlow.class, LabelPrinter.class)) {
            FlowEngine engine = app.select(FlowEngine.class).get();
            engine.signal(waiting, "label", "L-7");
            assertThat(engine.flow(CompatibleParcelFlow.class).result(waiting, PATIENCE))
                    .isEqualTo("awaiting_signal 2kg L-7");
        }
    }

    @Test
    void an_excluded_flow_is_not_replayed() {
        try (TestConfig config = TestConfig.of("flow.versions.check=fail", "flow.shutdown.timeout=2s",
                "flow.versions.dry-replay.exclude=invoice, parcel");
                WeldContainer app = boot(RenamedParcelFlow.class, LabelPrinter.class, LabelMaker.class)) {
            assertThat(app.select(FlowEngine.class).get().status(waiting).status())
                    .isEqualTo(RunStatus.AWAITING_SIGNAL);
        }
    }

    @Test
    void invalid_dry_replay_settings_fail_the_deployment_naming_their_keys() {
        try (TestConfig config = TestConfig.of("flow.versions.dry-replay.limit=-1",
                "flow.versions.dry-replay.budget=0s")) {
            assertThatThrownBy(() -> boot(ParcelFlow.class, LabelPrinter.class).close())
                    .isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("FLOWCDI020: flow.versions.dry-replay.limit must be 0 (off) or more, got -1")
                    .hasMessageContaining("FLOWCDI020: flow.versions.dry-replay.budget must be a positive duration");
        }
    }

    private WeldContainer boot(Class<?>... flows) {
        return Containers.boot(new FlowDataSourceBean(dataSource), flows);
    }
}
