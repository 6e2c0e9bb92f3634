package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.Backoff;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.PermanentFailureException;
import io.iterativeflow.api.RunFailedException;
import io.iterativeflow.api.StepFailedException;
import io.iterativeflow.api.StepOptions;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Code changed in place under a run in flight: the next attempt finds the drift at replay and fails the run, without
 * retrying it and before any changed step runs.
 */
class ReplayDriftTest extends EngineTestBase {

    private static final Duration NAP = Duration.ofHours(1);

    /** The flow's body as deployed now; the test swaps it while the run sleeps. */
    private final AtomicReference<BiFunction<FlowContext, String, String>> code = new AtomicReference<>();
    private final AtomicInteger changedStepRuns = new AtomicInteger();

    private final FlowDefinition<String, String> flow = FlowDefinition.builder("evolving", String.class,
            String.class).body((ctx, in) -> code.get().apply(ctx, in)).build();

    ReplayDriftTest(TestDatabase db) {
        super(db);
    }

    @Test
    void a_renamed_step_fails_the_run_with_an_incompatible_version_before_the_new_step_runs() {
        code.set((ctx, in) -> {
            ctx.step("reserve", String.class, s -> "r");
            ctx.sleep("pause", NAP);
            return ctx.step("charge", String.class, s -> "c");
        });
        String runId = sleepingRun();
        code.set((ctx, in) -> {
            ctx.step("reserve-stock", String.class, s -> "r" + changedStepRuns.incrementAndGet());
            ctx.sleep("pause", NAP);
            return ctx.step("charge", String.class, s -> "c");
        });

        assertThatThrownBy(() -> wakeAndWait(runId))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.REPLAY_INCOMPATIBLE_VERSION))
                .hasMessageContaining("run " + runId + " cannot replay on flow evolving@1")
                .hasMessageContaining("recorded step 'reserve' at history position 0")
                .hasMessageContaining("asks for step 'reserve-stock'");
        assertThat(changedStepRuns).hasValue(0);
        assertThat(db.sql().count("SELECT count(*) FROM workflow.events WHERE run_id = ?::uuid AND type = 'claimed'",
                runId)).as("drift is not retried").isEqualTo(2);
    }

    @Test
    void a_loop_that_runs_fewer_times_on_replay_is_non_deterministic() {
        code.set((ctx, in) -> loop(ctx, 3));
        String runId = sleepingRun();
        code.set((ctx, in) -> loop(ctx, 2));

        assertThatThrownBy(() -> wakeAndWait(runId))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.REPLAY_NON_DETERMINISTIC))
                .hasMessageContaining("recorded step 'item:2' at history position 2")
                .hasMessageContaining("asks for step 'done'");
        assertThat(changedStepRuns).hasValue(0);
    }

    @Test
    void a_new_sleep_where_a_step_was_recorded_fails_before_the_run_sleeps_on_it() {
        code.set((ctx, in) -> {
            ctx.step("a", String.class, s -> "a");
            ctx.sleep("pause", NAP);
            ctx.step("b", String.class, s -> "b");
            ctx.sleep("pause", NAP);
            return "done";
        });
        String runId = sleepingRun();
        fixture.clock().advance(NAP.plusSeconds(1));
        engine.wake();
        await().atMost(WAIT).until(() -> engine.status(runId).step("b").isPresent()
                && "sleeping".equals(statusOf(runId)));
        code.set((ctx, in) -> {
            ctx.step("a", String.class, s -> "a");
            ctx.sleep("pause", NAP);
            ctx.sleep("cool-down", NAP);
            return "done";
        });

        assertThatThrownBy(() -> wakeAndWait(runId))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.REPLAY_INCOMPATIBLE_VERSION))
                .hasMessageContaining("recorded step 'b' at history position 1")
                .hasMessageContaining("asks for sleep 'cool-down'");
        assertThat(engine.status(runId).timers()).noneMatch(t -> t.cursorKey().equals("cool-down"));
    }

    @Test
    void a_body_that_catches_the_drift_still_fails_with_it() {
        code.set((ctx, in) -> {
            ctx.step("a", String.class, s -> "a");
            ctx.sleep("pause", NAP);
            return "done";
        });
        String runId = sleepingRun();
        code.set((ctx, in) -> {
            try {
                return ctx.step("b", String.class, s -> "b" + changedStepRuns.incrementAndGet());
            } catch (RuntimeException swallowed) {
                return "carried on";
            }
        });

        assertThatThrownBy(() -> wakeAndWait(runId))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.REPLAY_INCOMPATIBLE_VERSION));
        assertThat(changedStepRuns).hasValue(0);
    }

    @Test
    void unchanged_code_with_numeric_names_repeats_and_sleeps_replays_to_completion() {
        code.set((ctx, in) -> {
            String first = ctx.step("1", String.class, s -> "one");
            String again = ctx.step("1", String.class, s -> "one again");
            ctx.sleep(Duration.ZERO);
            ctx.sleep("pause", NAP);
            String ten = ctx.step("10", String.class, s -> "ten");
            return first + "/" + again + "/" + ten + "/" + ctx.now().isAfter(java.time.Instant.EPOCH);
        });
        String runId = sleepingRun();

        assertThat(wakeAndWait(runId)).isEqualTo("one/one again/ten/true");
        assertThat(fixture.start(flow).status(runId).steps()).extracting(s -> s.cursorKey())
                .containsExactly("1", "1:1", "10", "now");
    }

    @Test
    void retried_steps_caught_failures_and_sleeps_between_them_replay_to_completion() {
        AtomicInteger tries = new AtomicInteger();
        code.set((ctx, in) -> {
            String flaky = ctx.step("flaky", String.class, StepOptions.defaults().withRetries(2)
                    .withBackoff(Backoff.fixed(Duration.ZERO)), s -> {
                        if (tries.incrementAndGet() < 3) {
                            throw new IllegalStateException("not yet");
                        }
                        return "flaky ok";
                    });
            ctx.sleep("pause", NAP);
            String declined;
            try {
                declined = ctx.step("charge", String.class, s -> {
                    throw new PermanentFailureException("declined");
                });
            } catch (StepFailedException e) {
                declined = ctx.step("refund", String.class, s -> "refunded");
            }
            ctx.sleep("pause", NAP);
            return flaky + " " + declined + " " + ctx.step("after", String.class, s -> "after");
        });
        String runId = sleepingRun();
        fixture.clock().advance(NAP.plusSeconds(1));
        engine.wake();
        await().atMost(WAIT).until(() -> engine.status(runId).timers().stream()
                .filter(t -> t.kind().equals("sleep")).count() == 2 && "sleeping".equals(statusOf(runId)));

        assertThat(wakeAndWait(runId)).isEqualTo("flaky ok refunded after");
        assertThat(tries).hasValue(3);
    }

    private String loop(FlowContext ctx, int items) {
        for (int i = 0; i < items; i++) {
            ctx.step("item", Integer.class, s -> 1);
        }
        ctx.sleep("pause", NAP);
        return ctx.step("done", String.class, s -> "done" + changedStepRuns.incrementAndGet());
    }

    private Engine engine;

    private String sleepingRun() {
        engine = fixture.start(flow);
        String runId = engine.flow(flow).start("x");
        await().atMost(WAIT).until(() -> "sleeping".equals(statusOf(runId)));
        return runId;
    }

    private String wakeAndWait(String runId) {
        fixture.clock().advance(NAP.plusSeconds(1));
        engine.wake();
        return engine.flow(flow).result(runId, WAIT);
    }
}
