package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.cdi.flows.GatedFlow;
import io.iterativeflow.cdi.flows.Greeter;
import io.iterativeflow.cdi.flows.GreetingFlow;
import io.iterativeflow.cdi.testing.Containers;
import io.iterativeflow.cdi.testing.FlowDataSourceBean;
import io.iterativeflow.cdi.testing.WithConfig;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.NewRun;
import io.iterativeflow.core.spi.RunState;
import io.iterativeflow.jpa.JpaFlowStore;
import io.iterativeflow.jpa.testing.DatabaseTest;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine starts with the application, not with the first injection, and drains when the application stops. */
@DatabaseTest
@WithConfig({"flow.shutdown.timeout=20s", "flow.worker.poll-interval=200ms"})
class EngineFollowsTheApplicationLifecycleTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final JpaFlowStore store;

    EngineFollowsTheApplicationLifecycleTest(DataSource dataSource) {
        this.dataSource = dataSource;
        this.store = JpaFlowStore.create(dataSource, FlowClock.SYSTEM);
    }

    @BeforeEach
    void closeTheGate() {
        GatedFlow.reset();
    }

    @AfterEach
    void closeStore() {
        GatedFlow.open();
        store.close();
    }

    @Test
    void a_run_waiting_in_the_database_is_worked_on_at_startup_even_if_nothing_injects_the_engine() {
        UUID runId = UUID.randomUUID();
        store.createRun(new NewRun(runId, "greeting", 1, "\"Lin\"", Optional.empty(), Set.of(), 0, Duration.ZERO));

        try (WeldContainer app = Containers.boot(new FlowDataSourceBean(dataSource), GreetingFlow.class,
                Greeter.class)) {
            await().atMost(PATIENCE).until(() -> status(runId) == RunStatus.COMPLETED);
        }
        assertThat(store.state(runId).map(RunState::outputJson)).contains("\"HELLO, LIN\"");
    }

    @Test
    void stopping_the_application_waits_for_a_running_step_to_finish() {
        WeldContainer app = Containers.boot(new FlowDataSourceBean(dataSource), GatedFlow.class);
        UUID runId = UUID.fromString(app.select(FlowEngine.class).get().flow(GatedFlow.class).start("done"));
        await().atMost(PATIENCE).until(GatedFlow::stepEntered);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(app::close);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !stopping.isDone());
        GatedFlow.open();
        stopping.join();

        assertThat(status(runId)).isEqualTo(RunStatus.COMPLETED);
    }

    private RunStatus status(UUID runId) {
        return store.state(runId).map(RunState::status).orElseThrow();
    }
}
