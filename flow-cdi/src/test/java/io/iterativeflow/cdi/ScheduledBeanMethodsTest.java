package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.CronSchedule;
import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.cdi.schedules.Housekeeping;
import io.iterativeflow.cdi.internal.FlowExtension;
import io.iterativeflow.cdi.testing.WithConfig;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.jpa.testing.DatabaseTest;
import io.iterativeflow.jpa.testing.SqlHelper;
import io.iterativeflow.jpa.testing.TestClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
class ScheduledBeanMethodsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static DataSource database;

    private final TestClock clock = new TestClock();

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addBeanClasses(Housekeeping.class)
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
    void a_scheduled_bean_method_runs_once_per_tick_as_a_flow_of_its_own() {
        assertThat(engine.definition("Housekeeping.sweep").version()).isEqualTo(1);
        Instant tick = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(2));
        clock.advance(Duration.between(clock.instant(), tick.plusSeconds(2)));

        String key = "cron:Housekeeping.sweep:" + tick;
        await().atMost(PATIENCE).until(() -> new SqlHelper(database).count(
                "SELECT count(*) FROM workflow.runs WHERE idempotency_key = ? AND status = 'completed'", key) == 1);
        assertThat(Housekeeping.SWEPT).containsOnlyOnce(tick);
        String runId = new SqlHelper(database).value("SELECT id FROM workflow.runs WHERE idempotency_key = ?", key)
                .toString();
        assertThat(engine.status(runId).tags()).containsExactly(CronSchedule.TAG);
        assertThat(engine.status(runId).step("call")).hasValueSatisfying(step -> assertThat(step.completed()).isTrue());
    }
}
