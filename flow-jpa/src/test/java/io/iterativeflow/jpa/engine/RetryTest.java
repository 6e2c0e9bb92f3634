package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.Backoff;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.RetryResult;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.StepOptions;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.Concurrently;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** {@code engine.retry(runId)} brings a failed run back; it refuses, with a result, every run that is not failed. */
class RetryTest extends EngineTestBase {

    private final AtomicInteger reservations = new AtomicInteger();
    private final AtomicInteger charges = new AtomicInteger();
    private final AtomicBoolean cardWorks = new AtomicBoolean();

    /** Reserves once, then charges with one retry: fails the run until the card works. */
    private final FlowDefinition<String, String> order = FlowDefinition.builder("order", String.class, String.class)
            .body((ctx, in) -> {
                String reservation = ctx.step("reserve", String.class, s -> "r" + reservations.incrementAndGet());
                String charge = ctx.step("charge", String.class, StepOptions.defaults().withRetries(1)
                        .withBackoff(Backoff.fixed(Duration.ZERO)), s -> {
                            charges.incrementAndGet();
                            if (!cardWorks.get()) {
                                throw new IllegalStateException("card declined, try " + s.attempt());
                            }
                            return "charged on try " + s.attempt();
                        });
                return reservation + " " + charge;
            }).build();

    RetryTest(TestDatabase db) {
        super(db);
    }

    @Test
    void a_retried_run_reruns_only_the_failed_step_and_completes() {
        Engine engine = fixture.start(order);
        String runId = engine.flow(order).start("o-1");
        assertThatThrownBy(() -> engine.flow(order).result(runId, WAIT)).hasMessageContaining("card declined");
        assertThat(charges).hasValue(2);

        cardWorks.set(true);
        assertThat(engine.retry(runId)).isEqualTo(new RetryResult.Retried(runId));

        assertThat(engine.flow(order).result(runId, WAIT)).isEqualTo("r1 charged on try 1");
        assertThat(reservations).as("a completed step never runs again").hasValue(1);
        assertThat(charges).hasValue(3);
        assertThat(engine.status(runId).events()).filteredOn(e -> e.type().equals("retried")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("cleared charge"));
    }

    @Test
    void a_retry_clears_the_failed_step_and_its_retry_timers_and_resets_the_attempt_budget() {
        String runId = failedRun();
        Engine idle = fixture.build(UnaryOperator.identity(), order);

        assertThat(idle.retry(runId)).isInstanceOf(RetryResult.Retried.class);

        assertThat(db.sql().rows("SELECT cursor_key FROM workflow.steps WHERE run_id = CAST(? AS UUID)", runId))
                .extracting(r -> r.get("cursor_key")).containsExactly("reserve");
        assertThat(db.sql().count("SELECT count(*) FROM workflow.timers WHERE run_id = CAST(? AS UUID)", runId))
                .isZero();
        var row = db.sql().row("SELECT status, attempts, suspensions, error_code, finished_at FROM workflow.runs"
                + " WHERE id = CAST(? AS UUID)", runId);
        assertThat(row.get("status")).isEqualTo("pending");
        assertThat(row.get("suspensions")).isEqualTo(row.get("attempts"));
        assertThat((Integer) row.get("attempts")).as("the attempt counter never goes back (fencing)").isGreaterThan(1);
        assertThat(row.get("error_code")).isNull();
        assertThat(row.get("finished_at")).isNull();
        assertThat(idle.status(runId).status()).isEqualTo(RunStatus.PENDING);
    }

    @Test
    void runs_that_are_not_failed_are_refused_with_their_status() {
        cardWorks.set(true);
        Engine engine = fixture.start(order);
        String runId = engine.flow(order).start("o-2");
        engine.flow(order).result(runId, WAIT);
        String canceled = fixture.build(UnaryOperator.identity(), order).flow(order).start("o-3");
        engine.cancel(canceled, "not wanted");

        assertThat(engine.retry(runId)).isEqualTo(new RetryResult.NotFailed(runId, RunStatus.COMPLETED));
        assertThat(engine.retry(canceled)).isEqualTo(new RetryResult.NotFailed(canceled, RunStatus.CANCELED));
        String unknown = UUID.randomUUID().toString();
        assertThat(engine.retry(unknown)).isEqualTo(new RetryResult.NotFound(unknown));
        assertThat(db.sql().count("SELECT count(*) FROM workflow.events WHERE type = 'retried'")).isZero();
    }

    @Test
    void a_retry_with_no_run_id_is_an_invalid_argument() {
        Engine engine = fixture.build(UnaryOperator.identity(), order);
        assertThatThrownBy(() -> engine.retry(" "))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID));
        assertThatThrownBy(() -> engine.retry("not-a-uuid"))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.RUN_NOT_FOUND));
    }

    @Test
    void of_concurrent_retries_from_two_engines_exactly_one_wins() throws Exception {
        String runId = failedRun();
        Engine first = fixture.build(UnaryOperator.identity(), order);
        Engine second = fixture.build(UnaryOperator.identity(), order);

        List<RetryResult> results = Concurrently.run(8, i -> (i % 2 == 0 ? first : second).retry(runId));

        assertThat(results).filteredOn(r -> r instanceof RetryResult.Retried).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof RetryResult.NotFailed)
                .hasSize(7)
                .allSatisfy(r -> assertThat(((RetryResult.NotFailed) r).status()).isEqualTo(RunStatus.PENDING));
        assertThat(db.sql().count("SELECT count(*) FROM workflow.events WHERE run_id = CAST(? AS UUID)"
                + " AND type = 'retried'", runId)).isEqualTo(1);
    }

    /** A run of {@code order} that failed on its charge (two tries, one retry timer); no engine runs afterwards. */
    private String failedRun() {
        Engine engine = fixture.start(order);
        String runId = engine.flow(order).start("o-9");
        await().atMost(WAIT).until(() -> "failed".equals(statusOf(runId)));
        engine.stop();
        assertThat(db.sql().count("SELECT count(*) FROM workflow.timers WHERE run_id = CAST(? AS UUID)"
                + " AND cursor_key = 'charge#retry1'", runId)).isEqualTo(1);
        return runId;
    }
}
