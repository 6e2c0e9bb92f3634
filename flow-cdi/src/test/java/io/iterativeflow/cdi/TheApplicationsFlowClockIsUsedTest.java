package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.cdi.flows.NapFlow;
import io.iterativeflow.cdi.internal.FlowExtension;
import io.iterativeflow.cdi.testing.WithConfig;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.jpa.testing.DatabaseTest;
import io.iterativeflow.jpa.testing.TestClock;
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
class TheApplicationsFlowClockIsUsedTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static DataSource database;

    private final TestClock clock = new TestClock();

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addBeanClasses(NapFlow.class)
                    .addExtension(new FlowExtension()))
            .addBeans(MockBean.builder().types(DataSource.class).qualifiers(FlowDataSource.Literal.INSTANCE)
                    .creating(database).build())
            .addBeans(MockBean.of(clock, FlowClock.class))
            .build();

    @Inject
    FlowEngine engine;

    @BeforeAll
    static void database(DataSource dataSource) {
        database = dataSource;
    }

    @Test
    void a_flow_clock_bean_moves_the_engines_time_so_an_hour_long_sleep_ends_at_once() {
        FlowHandle<String, String> nap = engine.flow(NapFlow.class);
        String runId = nap.start("Ada");
        await().atMost(PATIENCE).until(() -> engine.status(runId).status() == RunStatus.SLEEPING);

        clock.advance(Duration.ofHours(1).plusSeconds(1));

        assertThat(nap.result(runId, PATIENCE)).isEqualTo("Ada yawns, then wakes");
    }
}
