package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.StepInfo;
import io.iterativeflow.cdi.flows.CountingInterceptor;
import io.iterativeflow.cdi.flows.DependentFlow;
import io.iterativeflow.cdi.flows.DoublingFlows;
import io.iterativeflow.cdi.flows.Greeter;
import io.iterativeflow.cdi.flows.GreetingFlow;
import io.iterativeflow.cdi.internal.FlowExtension;
import io.iterativeflow.cdi.testing.WithConfig;
import io.iterativeflow.jpa.testing.DatabaseTest;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.weld.junit.MockBean;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@DatabaseTest
@WithConfig({"flow.instance-id=cdi-test", "flow.shutdown.timeout=2s", "flow.worker.poll-interval=200ms"})
@EnableWeld
class FlowsRunThroughTheInjectedEngineTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static DataSource database;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addBeanClasses(GreetingFlow.class, Greeter.class, CountingInterceptor.class, DoublingFlows.class,
                            DependentFlow.class)
                    .addExtension(new FlowExtension()))
            .addBeans(MockBean.builder().types(DataSource.class).qualifiers(FlowDataSource.Literal.INSTANCE)
                    .creating(database).build())
            .build();

    @Inject
    FlowEngine engine;

    @BeforeAll
    static void database(DataSource dataSource) {
        database = dataSource;
    }

    @Test
    void an_annotated_flow_bean_runs_to_completion_and_records_its_steps() {
        FlowHandle<String, String> greeting = engine.flow(GreetingFlow.class);

        String runId = greeting.start("Ada");

        assertThat(greeting.result(runId, PATIENCE)).isEqualTo("HELLO, ADA");
        RunInfo run = engine.status(runId);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.steps()).extracting(StepInfo::name).containsExactly("greet", "shout");
        assertThat(run.step("greet").flatMap(StepInfo::resultJson)).contains("\"Hello, Ada\"");
    }

    @Test
    void a_produced_flow_definition_runs_to_completion_and_records_its_step() {
        FlowHandle<Integer, Integer> doubling = engine.flow(DoublingFlows.NAME, Integer.class, Integer.class);

        String runId = doubling.start(21);

        assertThat(doubling.result(runId, PATIENCE)).isEqualTo(42);
        RunInfo run = engine.status(runId);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.steps()).extracting(StepInfo::name).containsExactly("double");
    }

    @Test
    void the_flow_body_is_called_through_the_container_so_interceptors_apply() {
        FlowHandle<String, String> greeting = engine.flow(GreetingFlow.class);
        int before = CountingInterceptor.RUNS.get();

        greeting.result(greeting.start("Grace"), PATIENCE);

        assertThat(CountingInterceptor.RUNS.get()).isGreaterThan(before);
    }

    @Test
    void a_dependent_flow_gets_an_instance_per_attempt_that_is_destroyed_when_the_attempt_ends() {
        FlowHandle<Void, Integer> dependent = engine.flow(DependentFlow.class);
        int before = DependentFlow.DESTROYED.get();

        assertThat(dependent.result(dependent.start(null), PATIENCE)).isEqualTo(42);

        assertThat(DependentFlow.DESTROYED.get()).isGreaterThan(before);
    }
}
