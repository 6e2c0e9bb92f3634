package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/**
 * A managed executor that the configuration names but JNDI does not have fails the application's start, naming the
 * key; the engine never quietly runs flows on threads of its own instead. Only the default names may be absent, and
 * only where there is no JNDI at all (here: Weld SE, outside a server).
 */
@DatabaseTest
class MissingManagedExecutorsFailTheDeploymentTest {

    private final TestDatabase db;

    MissingManagedExecutorsFailTheDeploymentTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void a_configured_executor_that_jndi_does_not_have_fails_the_start_naming_flow_worker_executor() {
        try (TestConfig config = TestConfig.of("flow.worker.executor=java:comp/env/concurrent/flows")) {
            assertThatThrownBy(() -> Containers.boot(new FlowDataSourceBean(db.dataSource()), GreetingFlow.class,
                    Greeter.class).close())
                    .hasStackTraceContaining("[CONFIG_INVALID] FLOWCDI033: no managed executor for iterativeflow: the"
                            + " JNDI lookup of 'java:comp/env/concurrent/flows' (flow.worker.executor) failed")
                    .hasStackTraceContaining("or remove flow.worker.executor to use"
                            + " 'java:comp/DefaultManagedExecutorService'");
        }
    }

    @Test
    void a_configured_scheduler_that_jndi_does_not_have_fails_the_start_naming_flow_worker_scheduler() {
        try (TestConfig config = TestConfig.of("flow.worker.scheduler=concurrent/ticks")) {
            assertThatThrownBy(() -> Containers.boot(new FlowDataSourceBean(db.dataSource()), GreetingFlow.class,
                    Greeter.class).close())
                    .hasStackTraceContaining("FLOWCDI033: no managed executor for iterativeflow: the JNDI lookup of"
                            + " 'concurrent/ticks' (flow.worker.scheduler) failed");
        }
    }

    @Test
    void the_default_names_fall_back_to_threads_of_the_engines_own_where_there_is_no_jndi() {
        try (TestConfig config = TestConfig.of("flow.worker.executor=java:comp/DefaultManagedExecutorService");
                WeldContainer app = Containers.boot(new FlowDataSourceBean(db.dataSource()), GreetingFlow.class,
                        Greeter.class)) {
            FlowEngine engine = app.select(FlowEngine.class).get();
            String runId = engine.flow(GreetingFlow.class).start("Ada");
            assertThat(engine.flow(GreetingFlow.class).result(runId, Duration.ofSeconds(30))).isNotNull();
        }
    }
}
