package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.cdi.flows.BrokenListener;
import io.iterativeflow.cdi.flows.Greeter;
import io.iterativeflow.cdi.flows.GreetingFlow;
import io.iterativeflow.cdi.flows.RecordingListener;
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
@WithConfig({"flow.shutdown.timeout=2s", "flow.worker.poll-interval=100ms"})
@EnableWeld
class FlowListenerBeansHearTheEngineTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static DataSource database;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addBeanClasses(GreetingFlow.class, Greeter.class, RecordingListener.class, BrokenListener.class)
                    .addExtension(new FlowExtension()))
            .addBeans(MockBean.builder().types(DataSource.class).qualifiers(FlowDataSource.Literal.INSTANCE)
                    .creating(database).build())
            .build();

    @Inject
    FlowEngine engine;

    @Inject
    RecordingListener listener;

    @BeforeAll
    static void database(DataSource dataSource) {
        database = dataSource;
    }

    @Test
    void listener_beans_hear_runs_and_a_broken_one_does_not_stop_them() {
        FlowHandle<String, String> greeting = engine.flow(GreetingFlow.class);
        String first = greeting.start("Ada");
        String second = greeting.start("Grace");

        assertThat(greeting.result(first, PATIENCE)).isNotBlank();
        assertThat(greeting.result(second, PATIENCE)).isNotBlank();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(listener.heard()).contains(
                "completed greeting " + first, "completed greeting " + second, "step greet succeeded",
                "step shout succeeded"));
    }
}
