package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.cdi.flows.Greeter;
import io.iterativeflow.cdi.flows.GreetingFlow;
import io.iterativeflow.cdi.testing.Containers;
import io.iterativeflow.cdi.testing.FlowDataSourceBean;
import io.iterativeflow.cdi.testing.TestConfig;
import io.iterativeflow.jpa.testing.DatabaseTest;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** {@code flow.worker.listen} decides whether the deployed engine opens its listening connection. */
@DatabaseTest
class TheEngineListensUnlessToldNotToTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String LISTENERS = "SELECT count(*) FROM pg_stat_activity"
            + " WHERE application_name = 'iterativeflow listener listen-test' AND datname = current_database()";

    private final TestDatabase db;

    TheEngineListensUnlessToldNotToTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void by_default_the_engine_listens_and_a_run_completes() {
        try (TestConfig config = TestConfig.of("flow.instance-id=listen-test", "flow.worker.poll-interval=1h");
                WeldContainer app = Containers.boot(new FlowDataSourceBean(db.dataSource()), GreetingFlow.class,
                        Greeter.class)) {
            await().atMost(PATIENCE).until(() -> db.sql().count(LISTENERS) == 1);
            FlowEngine engine = app.select(FlowEngine.class).get();
            String runId = engine.flow(GreetingFlow.class).start("Ada");
            assertThat(engine.flow(GreetingFlow.class).result(runId, PATIENCE)).isNotNull();
        }
        assertThat(db.sql().count(LISTENERS)).isZero();
    }

    @Test
    void switched_off_it_opens_no_listening_connection_and_runs_complete_by_polling() {
        try (TestConfig config = TestConfig.of("flow.instance-id=listen-test", "flow.worker.listen=false",
                "flow.worker.poll-interval=100ms");
                WeldContainer app = Containers.boot(new FlowDataSourceBean(db.dataSource()), GreetingFlow.class,
                        Greeter.class)) {
            FlowEngine engine = app.select(FlowEngine.class).get();
            String runId = engine.flow(GreetingFlow.class).start("Ada");
            assertThat(engine.flow(GreetingFlow.class).result(runId, PATIENCE)).isNotNull();
            assertThat(db.sql().count(LISTENERS)).isZero();
        }
    }
}
