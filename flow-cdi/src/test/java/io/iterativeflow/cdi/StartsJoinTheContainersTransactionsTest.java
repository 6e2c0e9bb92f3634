package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.cdi.flows.Greeter;
import io.iterativeflow.cdi.flows.GreetingFlow;
import io.iterativeflow.cdi.testing.Containers;
import io.iterativeflow.cdi.testing.TestConfig;
import io.iterativeflow.jpa.testing.CallerTransaction;
import io.iterativeflow.jpa.testing.DatabaseTest;
import io.iterativeflow.jpa.testing.TestDatabase;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * The engine takes the container's {@link TransactionSynchronizationRegistry} (here a CDI bean, as JNDI is absent in
 * Weld SE), so a start inside an active transaction never silently commits on its own.
 */
@DatabaseTest
class StartsJoinTheContainersTransactionsTest {

    private final TestDatabase db;

    StartsJoinTheContainersTransactionsTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void without_a_jta_data_source_a_start_inside_a_transaction_is_refused_and_outside_it_commits() throws Exception {
        CallerTransaction caller = new CallerTransaction(db.dataSource());
        try (TestConfig config = TestConfig.of("flow.worker.poll-interval=200ms", "flow.shutdown.timeout=2s");
                WeldContainer container = Containers.boot(new Resources(db.dataSource(), caller),
                        GreetingFlow.class, Greeter.class)) {
            FlowEngine engine = container.select(FlowEngine.class).get();

            caller.begin();
            assertThatThrownBy(() -> engine.flow(GreetingFlow.class).start("Ada"))
                    .isInstanceOfSatisfying(FlowException.class, e -> {
                        assertThat(e.code()).isEqualTo(FlowErrorCode.TRANSACTION_INVALID);
                        assertThat(e.getMessage()).contains("flow.jta.datasource");
                    });
            caller.rollback();
            assertThat(db.sql().count("SELECT count(*) FROM workflow.runs")).isZero();

            String runId = engine.flow(GreetingFlow.class).start("Grace");
            assertThat(engine.flow(GreetingFlow.class).result(runId, Duration.ofSeconds(30))).isNotBlank();
        } finally {
            caller.close();
        }
    }

    @Test
    void a_configured_jta_data_source_that_is_not_bound_fails_the_start_of_the_application() {
        CallerTransaction caller = new CallerTransaction(db.dataSource());
        try (TestConfig config = TestConfig.of("flow.jta.datasource=jdbc/ordersTx")) {
            assertThatThrownBy(() -> Containers.boot(new Resources(db.dataSource(), caller), GreetingFlow.class,
                    Greeter.class).close())
                    .hasStackTraceContaining("FLOWCDI032")
                    .hasStackTraceContaining("the JNDI lookup of 'jdbc/ordersTx' (flow.jta.datasource) failed");
        }
    }

    /** The application's {@code @FlowDataSource} and the container's transaction registry, as beans. */
    static final class Resources implements Extension {

        private final DataSource dataSource;
        private final TransactionSynchronizationRegistry registry;

        Resources(DataSource dataSource, TransactionSynchronizationRegistry registry) {
            this.dataSource = dataSource;
            this.registry = registry;
        }

        void addBeans(@Observes AfterBeanDiscovery event) {
            event.addBean().types(DataSource.class, Object.class).qualifiers(FlowDataSource.Literal.INSTANCE)
                    .scope(Dependent.class).createWith(creation -> dataSource);
            event.addBean().types(TransactionSynchronizationRegistry.class, Object.class).scope(Dependent.class)
                    .createWith(creation -> registry);
        }
    }
}
