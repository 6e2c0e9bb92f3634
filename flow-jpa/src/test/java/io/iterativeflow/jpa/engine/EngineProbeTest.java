package io.iterativeflow.jpa.engine;

import io.iterativeflow.migrations.FlowMigrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.StartOptions;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.engine.EngineProbe;
import io.iterativeflow.core.spi.QueueStats;
import io.iterativeflow.jpa.JpaFlowStore;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class EngineProbeTest extends EngineTestBase {

    private static final FlowDefinition<String, String> ECHO = FlowDefinition.builder("echo", String.class,
            String.class).body((ctx, in) -> in).build();

    EngineProbeTest(TestDatabase db) {
        super(db);
    }

    @Test
    void the_store_counts_ready_runs_and_the_age_of_the_oldest() {
        Engine idle = fixture.build(UnaryOperator.identity(), ECHO);
        try (JpaFlowStore store = JpaFlowStore.create(db.dataSource(), fixture.clock())) {
            assertThat(store.queueStats()).isEqualTo(new QueueStats(0, Duration.ZERO, 0));

            idle.flow(ECHO).start("a");
            idle.flow(ECHO).start("b");
            fixture.clock().advance(Duration.ofMinutes(10));

            QueueStats stats = store.queueStats();
            assertThat(stats.readyRuns()).isEqualTo(2);
            assertThat(stats.runningRuns()).isZero();
            assertThat(stats.oldestReadyAge()).isBetween(Duration.ofMinutes(10), Duration.ofMinutes(11));
            assertThat(store.schemaVersion()).isEqualTo(String.valueOf(FlowMigrations.expectedVersion()));
        }
    }

    @Test
    void a_working_dispatcher_is_not_stalled_even_when_time_jumps() {
        Engine engine = fixture.start(ECHO);
        assertThat(engine.probe().running()).isTrue();
        assertThat(engine.probe().startedAt()).isPresent();

        fixture.clock().advance(Duration.ofHours(1));
        String runId = engine.flow(ECHO).start("x");
        engine.flow(ECHO).result(runId, WAIT);

        Instant jumped = engine.probe().startedAt().orElseThrow().plus(Duration.ofMinutes(59));
        await().atMost(WAIT).untilAsserted(() -> assertThat(engine.probe().lastDispatch())
                .hasValueSatisfying(last -> assertThat(last).isAfter(jumped)));
        assertThat(engine.probe().dispatcherStalled()).isFalse();
    }

    @Test
    void a_dispatcher_that_stops_claiming_while_runs_are_ready_is_stalled() throws InterruptedException {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        Engine engine = fixture.start(b -> b.scheduler(scheduler), ECHO);
        await().atMost(WAIT).until(() -> engine.probe().lastDispatch().isPresent());
        scheduler.shutdownNow();
        // a claim round that was under way finishes first; only then has the dispatcher really stopped
        assertThat(scheduler.awaitTermination(15, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        fixture.clock().advance(engine.probe().stallAfter().plusSeconds(1));
        assertThat(engine.probe().dispatcherStalled()).as("no work is ready").isFalse();

        // delayed, so the start leaves it in the queue (a start ready now would run on a free worker at once)
        engine.flow(ECHO).start("never claimed", StartOptions.none().withDelay(Duration.ofSeconds(1)));
        fixture.clock().advance(EngineProbe.QUEUE_CACHE.plusSeconds(1));
        assertThat(engine.probe().dispatcherStalled()).isTrue();
    }

    @Test
    void a_dispatcher_whose_workers_are_all_stuck_in_steps_while_runs_are_ready_is_stalled() {
        CountDownLatch gate = new CountDownLatch(1);
        FlowDefinition<String, String> stuck = FlowDefinition.builder("stuck", String.class, String.class)
                .body((ctx, in) -> ctx.step("wait", String.class, s -> {
                    gate.await(1, TimeUnit.MINUTES);
                    return in;
                })).build();
        // one worker, and a lease that outlasts the jump of the clock below (a lost lease would free the worker)
        Engine engine = fixture.start(b -> b.settings(EngineFixture.FAST.withConcurrency(1)
                .withLeaseDuration(Duration.ofMinutes(10))), stuck);
        String first = engine.flow(stuck).start("first");
        await().atMost(WAIT).until(() -> engine.probe().inFlight() == 1);
        String second = engine.flow(stuck).start("waits for a worker");

        fixture.clock().advance(engine.probe().stallAfter().plusSeconds(1));
        // the poll timer keeps waking the dispatcher; rounds that find no free worker must not count as progress
        await().atMost(WAIT).during(Duration.ofMillis(500)).until(() -> engine.probe().dispatcherStalled());

        gate.countDown();
        assertThat(engine.flow(stuck).result(first, WAIT)).isEqualTo("first");
        assertThat(engine.flow(stuck).result(second, WAIT)).isEqualTo("waits for a worker");
        assertThat(engine.probe().dispatcherStalled()).isFalse();
    }
}
