package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.engine.EngineBuilder;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stopping an engine: it claims nothing more, waits up to {@code flow.shutdown.timeout} for attempts in flight, then
 * gives the rest back so another instance takes them at once. Leases last an hour here, so only the give-back can
 * explain a quick takeover.
 */
class GracefulShutdownTest extends EngineTestBase {

    private static final Duration HOUR_LEASE = Duration.ofHours(1);

    private final CountDownLatch stepEntered = new CountDownLatch(1);
    private final CountDownLatch unblock = new CountDownLatch(1);
    private final CountDownLatch blockedStepReturned = new CountDownLatch(1);

    /** On engine-1 the step blocks until the test unblocks it, ignoring interrupts; elsewhere it returns at once. */
    private final FlowDefinition<String, String> work = FlowDefinition.builder("work", String.class, String.class)
            .body((ctx, in) -> ctx.step("do", String.class, s -> {
                String engine = Thread.currentThread().getName().substring(0, "engine-1".length());
                if (engine.equals("engine-1")) {
                    stepEntered.countDown();
                    awaitIgnoringInterrupts(unblock);
                    blockedStepReturned.countDown();
                }
                return in + "@" + engine;
            })).build();

    GracefulShutdownTest(TestDatabase db) {
        super(db);
    }

    @AfterEach
    void unblockTheStep() {
        unblock.countDown();
    }

    @Test
    void a_run_still_in_flight_after_the_timeout_is_given_back_and_another_engine_finishes_it_at_once()
            throws Exception {
        Engine first = fixture.start(settings(Duration.ofMillis(300)), work);
        String runId = first.flow(work).start("job");
        assertThat(stepEntered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Engine second = fixture.start(settings(Duration.ofMillis(300)), work);
        assertThat(statusOf(runId)).isEqualTo("running");

        first.stop();

        assertThat(second.flow(work).result(runId, WAIT)).isEqualTo("job@engine-2");
        Map<String, Object> row = db.sql().row("SELECT attempts, suspensions FROM workflow.runs WHERE id = ?::uuid",
                runId);
        assertThat((int) row.get("attempts") - (int) row.get("suspensions"))
                .as("the given-back attempt does not count against flow.max-run-attempts").isEqualTo(1);
        assertThat(events(runId, "released")).isEqualTo(1);
        assertThat(events(runId, "lease_expired")).isZero();

        unblock.countDown();
        assertThat(blockedStepReturned.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        await().atMost(WAIT).until(() -> first.inFlight() == 0);
        assertThat(second.flow(work).result(runId, WAIT)).as("the late step of the stopped engine wrote nothing")
                .isEqualTo("job@engine-2");
        assertThat(db.sql().count("SELECT count(*) FROM workflow.steps WHERE run_id = ?::uuid", runId)).isEqualTo(1);
    }

    @Test
    void an_attempt_that_ends_within_the_timeout_finishes_on_the_stopping_engine() throws Exception {
        Engine first = fixture.start(settings(WAIT), work);
        String runId = first.flow(work).start("job");
        assertThat(stepEntered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(first::stop);
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> !stopping.isDone());
        unblock.countDown();
        stopping.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(statusOf(runId)).isEqualTo("completed");
        assertThat(db.sql().value("SELECT output::text FROM workflow.runs WHERE id = ?::uuid", runId))
                .isEqualTo("\"job@engine-1\"");
        assertThat(events(runId, "released")).isZero();
    }

    @Test
    void a_stopped_engine_claims_nothing() {
        Engine first = fixture.start(settings(Duration.ofMillis(300)), work);
        first.stop();

        String runId = first.flow(work).start("later");

        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> "pending".equals(statusOf(runId)));
        assertThat(first.isRunning()).isFalse();
    }

    private UnaryOperator<EngineBuilder> settings(Duration shutdownTimeout) {
        return b -> b.settings(EngineFixture.FAST.withLeaseDuration(HOUR_LEASE).withShutdownTimeout(shutdownTimeout));
    }

    private long events(String runId, String type) {
        return db.sql().count("SELECT count(*) FROM workflow.events WHERE run_id = ?::uuid AND type = ?", runId,
                type);
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
