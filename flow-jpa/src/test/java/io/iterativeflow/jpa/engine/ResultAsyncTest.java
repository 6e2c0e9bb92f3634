package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.RunFailedException;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.WaitUntil;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResultAsyncTest extends EngineTestBase {

    private static final FlowDefinition<Integer, Integer> DOUBLE = FlowDefinition.builder("double", Integer.class,
            Integer.class).body((ctx, n) -> ctx.step("times-two", Integer.class, s -> n * 2)).build();
    private static final FlowDefinition<String, String> NAP = FlowDefinition.builder("nap", String.class,
            String.class).body((ctx, in) -> {
                ctx.sleep(Duration.ofDays(7));
                return "woke";
            }).build();

    ResultAsyncTest(TestDatabase db) {
        super(db);
    }

    @Test
    void many_waiters_complete_with_their_outputs_without_holding_threads() throws Exception {
        Engine engine = fixture.start(DOUBLE);
        List<CompletableFuture<Integer>> results = IntStream.range(0, 40)
                .mapToObj(n -> engine.flow(DOUBLE).resultAsync(engine.flow(DOUBLE).start(n), WAIT)
                        .toCompletableFuture())
                .toList();

        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        for (int n = 0; n < results.size(); n++) {
            assertThat(results.get(n).get()).isEqualTo(2 * n);
        }
    }

    @Test
    void a_canceled_run_fails_the_stage_with_run_canceled() {
        Engine engine = fixture.start(NAP);
        String runId = engine.flow(NAP).start("x");
        CompletableFuture<String> result = engine.flow(NAP).resultAsync(runId, WAIT).toCompletableFuture();
        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.SLEEPING);
        assertThat(result).isNotDone();

        engine.cancel(runId, "not needed");

        assertThatThrownBy(() -> result.get(15, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(RunFailedException.class, e -> {
                    assertThat(e.code()).isEqualTo(FlowErrorCode.RUN_CANCELED);
                    assertThat(e.getMessage()).contains("not needed");
                });
    }

    @Test
    void a_run_that_does_not_end_in_time_fails_the_stage_with_result_timeout() {
        Engine engine = fixture.start(NAP);
        String runId = engine.flow(NAP).start("x");

        CompletableFuture<String> result = engine.flow(NAP).resultAsync(runId, Duration.ofMillis(300))
                .toCompletableFuture();

        assertThatThrownBy(() -> result.get(15, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.RESULT_TIMEOUT));
        assertThatThrownBy(() -> engine.flow(NAP).wait(runId, WaitUntil.terminal(), Duration.ofMillis(100)))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.RESULT_TIMEOUT));
    }

    @Test
    void unknown_runs_and_bad_arguments_are_reported() {
        Engine engine = fixture.start(DOUBLE, NAP);
        String napRun = engine.flow(NAP).start("x");

        assertThatThrownBy(() -> engine.flow(DOUBLE).resultAsync(UUID.randomUUID().toString(), WAIT)
                .toCompletableFuture().get(15, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.RUN_NOT_FOUND));
        assertThatThrownBy(() -> engine.flow(DOUBLE).resultAsync(napRun, WAIT).toCompletableFuture()
                .get(15, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.RUN_NOT_FOUND));
        assertThatThrownBy(() -> engine.flow(NAP).resultAsync(napRun, null))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID));
        assertThatThrownBy(() -> engine.flow(NAP).wait(napRun, null, WAIT))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID));
        assertThatThrownBy(() -> WaitUntil.step(" "))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID));
    }

    @Test
    void waiters_left_when_the_engine_stops_end_with_engine_stopped() {
        Engine engine = fixture.start(NAP);
        String runId = engine.flow(NAP).start("x");
        CompletableFuture<String> result = engine.flow(NAP).resultAsync(runId, WAIT).toCompletableFuture();

        engine.stop();

        assertThatThrownBy(() -> result.get(15, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ENGINE_STOPPED));
        assertThatThrownBy(() -> engine.flow(NAP).resultAsync(runId, WAIT).toCompletableFuture()
                .get(15, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ENGINE_STOPPED));
    }
}
