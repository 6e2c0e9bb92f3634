package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.cdi.flows.Greeter;
import io.iterativeflow.cdi.flows.GreetingFlow;
import io.iterativeflow.cdi.testing.Containers;
import io.iterativeflow.cdi.testing.FlowDataSourceBean;
import io.iterativeflow.cdi.testing.TestConfig;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.NewRun;
import io.iterativeflow.core.spi.RunState;
import io.iterativeflow.jpa.JpaFlowStore;
import io.iterativeflow.jpa.testing.DatabaseTest;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Before the engine claims anything, the deployment checks the in-flight runs of its flows against the deployed
 * definitions ({@code flow.versions.check}).
 */
@DatabaseTest
class InFlightRunsAreCheckedAtDeploymentTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final JpaFlowStore store;
    private UUID first;
    private UUID second;

    InFlightRunsAreCheckedAtDeploymentTest(DataSource dataSource) {
        this.dataSource = dataSource;
        this.store = JpaFlowStore.create(dataSource, FlowClock.SYSTEM);
    }

    @BeforeEach
    void runsOfARetiredVersion() {
        first = run("greeting", 7);
        second = run("greeting", 7);
        run("somebody-elses-flow", 1);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void in_fail_mode_the_application_does_not_start_and_every_run_that_cannot_replay_is_listed() {
        try (TestConfig config = TestConfig.of("flow.versions.check=fail")) {
            assertThatThrownBy(() -> boot().close())
                    .hasStackTraceContaining("FLOWCDI042: in-flight run " + first + " of flow greeting@7 cannot"
                            + " replay on the deployed flows: flow greeting@7 is not deployed (deployed: greeting@1)")
                    .hasStackTraceContaining("FLOWCDI042: in-flight run " + second + " of flow greeting@7")
                    .hasStackTraceContaining("set flow.versions.check=warn to deploy anyway")
                    .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("somebody-elses-flow"));
        }
        assertThat(status(first)).isEqualTo(RunStatus.PENDING);
    }

    @Test
    void in_warn_mode_the_application_starts_and_the_runs_wait_for_their_version() {
        try (TestConfig config = TestConfig.of("flow.versions.check=warn", "flow.worker.poll-interval=100ms");
                WeldContainer app = boot()) {
            FlowEngine engine = app.select(FlowEngine.class).get();
            String greeting = engine.flow(GreetingFlow.class).start("Ada");
            assertThat(engine.flow(GreetingFlow.class).result(greeting, PATIENCE)).isEqualTo("HELLO, ADA");
            assertThat(engine.status(first.toString()).waitingForVersion()).isTrue();
        }
        assertThat(status(first)).isEqualTo(RunStatus.PENDING);
    }

    @Test
    void an_unknown_check_mode_fails_the_deployment_naming_the_key() {
        try (TestConfig config = TestConfig.of("flow.versions.check=strict", "flow.versions.undeployed-grace=0s")) {
            assertThatThrownBy(() -> boot().close())
                    .isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("FLOWCDI020: flow.versions.check='strict' is not a check mode; use fail,"
                            + " warn or off")
                    .hasMessageContaining("FLOWCDI020: flow.versions.undeployed-grace must be a positive duration");
        }
    }

    private WeldContainer boot() {
        return Containers.boot(new FlowDataSourceBean(dataSource), GreetingFlow.class, Greeter.class);
    }

    private UUID run(String flow, int version) {
        UUID id = UUID.randomUUID();
        store.createRun(new NewRun(id, flow, version, "\"x\"", Optional.empty(), Set.of(), 0, Duration.ZERO));
        return id;
    }

    private RunStatus status(UUID runId) {
        return store.state(runId).map(RunState::status).orElseThrow();
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
