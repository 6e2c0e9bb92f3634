package io.iterativeflow.cdi;

import io.iterativeflow.migrations.FlowMigrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.CronSchedule;
import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.cdi.internal.FlowExtension;
import io.iterativeflow.cdi.schedules.MinuteReport;
import io.iterativeflow.cdi.testing.WithConfig;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.jpa.testing.DatabaseTest;
import io.iterativeflow.jpa.testing.SqlHelper;
import io.iterativeflow.jpa.testing.TestClock;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;
import org.jboss.weld.junit.MockBean;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@DatabaseTest
@WithConfig({"flow.shutdown.timeout=2s", "flow.worker.poll-interval=100ms"})
@EnableWeld
class ScheduledFlowsAndHealthChecksTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static DataSource database;

    private final TestClock clock = new TestClock();

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addBeanClasses(MinuteReport.class)
                    .addExtension(new FlowExtension()))
            .addBeans(MockBean.builder().types(DataSource.class).qualifiers(FlowDataSource.Literal.INSTANCE)
                    .creating(database).build())
            .addBeans(MockBean.of(clock, FlowClock.class))
            .build();

    @Inject
    FlowEngine engine;

    @Inject
    @Any
    Instance<HealthCheck> checks;

    @BeforeAll
    static void database(DataSource dataSource) {
        database = dataSource;
    }

    @Test
    void an_annotated_schedule_starts_a_run_at_its_tick() {
        Instant tick = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(2));
        assertThat(engine.flow(MinuteReport.class).name()).isEqualTo("minute-report");
        clock.advance(Duration.between(clock.instant(), tick.plusSeconds(2)));

        String key = "cron:minute-report:" + tick;
        await().atMost(PATIENCE).until(() -> new SqlHelper(database).count(
                "SELECT count(*) FROM workflow.runs WHERE idempotency_key = ? AND status = 'completed'", key) == 1);
        String runId = new SqlHelper(database).value("SELECT id FROM workflow.runs WHERE idempotency_key = ?", key)
                .toString();
        RunInfo run = engine.status(runId);
        assertThat(run.tags()).containsExactly(CronSchedule.TAG);
        assertThat(engine.flow(MinuteReport.class).output(runId)).contains("minute-report at " + tick);
    }

    @Test
    void the_engine_reports_ready_live_and_started_with_its_data() {
        engine.flow(MinuteReport.class);

        HealthCheckResponse ready = checks.select(Readiness.Literal.INSTANCE).get().call();
        assertThat(ready.getName()).isEqualTo("iterativeflow");
        assertThat(ready.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(ready.getData()).hasValueSatisfying(data -> {
            assertThat(data).containsKeys("db", "schema", "worker", "listen", "startedAt");
            assertThat(data).containsEntry("db", true).containsEntry("schema", String.valueOf(FlowMigrations.expectedVersion()))
                    .containsEntry("worker", "running");
            assertThat(Instant.parse((String) data.get("startedAt"))).isBeforeOrEqualTo(clock.instant());
        });
        assertThat(checks.select(Liveness.Literal.INSTANCE).get().call().getStatus())
                .isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(checks.select(Startup.Literal.INSTANCE).get().call().getStatus())
                .isEqualTo(HealthCheckResponse.Status.UP);
    }
}
