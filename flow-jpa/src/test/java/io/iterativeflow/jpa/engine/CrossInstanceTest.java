package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.RunFailedException;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.StepInfo;
import io.iterativeflow.api.StepOptions;
import io.iterativeflow.api.WaitUntil;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.spi.ListenerState;
import io.iterativeflow.jpa.testing.DatabaseTest;
import io.iterativeflow.jpa.testing.PostgresOnly;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run executes on one engine ("runner"); another engine on the same database ("watcher") waits for it and cancels
 * it. The watcher polls only hourly and the runner's lease is long, so only notifications explain what happens.
 */
@DatabaseTest(poolSize = 12)
@PostgresOnly
class CrossInstanceTest extends EngineTestBase {

    private final CountDownLatch inSecondStep = new CountDownLatch(1);
    private final CountDownLatch finish = new CountDownLatch(1);
    private final AtomicBoolean tokenFired = new AtomicBoolean();
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private FlowDefinition<String, String> order;
    private Engine runner;
    private Engine watcher;
    private String runId;

    CrossInstanceTest(TestDatabase db) {
        super(db);
    }

    @BeforeEach
    void startARunOnTheRunner() throws InterruptedException {
        order = FlowDefinition.builder("order", String.class, String.class).body((ctx, in) -> {
            int reserved = ctx.step("reserve", Integer.class, s -> 7);
            String charged = ctx.step("charge", String.class, s -> {
                s.cancellation().onCancel(() -> tokenFired.set(true));
                inSecondStep.countDown();
                try {
                    finish.await();
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    throw e;
                }
                return "charged";
            });
            return in + ":" + reserved + ":" + charged;
        }).build();
        runner = fixture.start(Listeners.lease(Duration.ofHours(1)), order);
        runId = runner.flow(order).start("o-1");
        assertThat(inSecondStep.await(15, TimeUnit.SECONDS)).isTrue();
        watcher = fixture.start(Listeners.pollingHourly(), order);
        await().atMost(WAIT).until(() -> runner.listenerState() == ListenerState.LISTENING
                && watcher.listenerState() == ListenerState.LISTENING);
    }

    @Test
    void result_and_result_async_on_the_other_instance_return_the_output() throws Exception {
        CompletableFuture<String> async = watcher.flow(order).resultAsync(runId, WAIT).toCompletableFuture();
        CompletableFuture<String> blocking = CompletableFuture.supplyAsync(() -> watcher.flow(order).result(runId,
                WAIT));
        assertThat(async).isNotDone();

        finish.countDown();

        assertThat(async.get(15, TimeUnit.SECONDS)).isEqualTo("o-1:7:charged");
        assertThat(blocking.get(15, TimeUnit.SECONDS)).isEqualTo("o-1:7:charged");
    }

    @Test
    void wait_on_the_other_instance_returns_recorded_steps_and_the_ended_run() throws Exception {
        StepInfo reserve = watcher.flow(order).wait(runId, WaitUntil.step("reserve"), WAIT);
        assertThat(reserve.completed()).isTrue();
        assertThat(reserve.resultJson()).contains("7");
        CompletableFuture<StepInfo> charge = CompletableFuture.supplyAsync(
                () -> watcher.flow(order).wait(runId, WaitUntil.step("charge"), WAIT));
        CompletableFuture<RunInfo> end = CompletableFuture.supplyAsync(
                () -> watcher.flow(order).wait(runId, WaitUntil.terminal(), WAIT));

        finish.countDown();

        StepInfo charged = charge.get(15, TimeUnit.SECONDS);
        assertThat(charged.cursorKey()).isEqualTo("charge");
        assertThat(charged.resultJson()).isEqualTo(Optional.of("\"charged\""));
        RunInfo ended = end.get(15, TimeUnit.SECONDS);
        assertThat(ended.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(ended.outputJson()).contains("\"o-1:7:charged\"");
        assertThatThrownBy(() -> watcher.flow(order).wait(runId, WaitUntil.step("refund"), WAIT))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.WAIT_UNSATISFIABLE))
                .hasMessageContaining("refund");
    }

    @Test
    void cancel_on_the_other_instance_fires_the_token_and_interrupts_the_running_step() throws Exception {
        CompletableFuture<String> result = watcher.flow(order).resultAsync(runId, WAIT).toCompletableFuture();

        assertThat(watcher.cancel(runId, "customer withdrew")).isTrue();

        await().atMost(WAIT).untilTrue(interrupted);
        assertThat(tokenFired).isTrue();
        await().atMost(WAIT).until(() -> runner.inFlight() == 0);
        assertThatThrownBy(() -> result.get(15, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.RUN_CANCELED));
        assertThat(statusOf(runId)).isEqualTo("canceled");
        assertThat(runner.status(runId).step("charge")).isEmpty();
    }

    @Test
    void cancel_on_the_other_instance_also_reaches_a_step_that_runs_on_its_own_thread_under_a_timeout()
            throws Exception {
        CountDownLatch inStep = new CountDownLatch(1);
        AtomicBoolean timedStepInterrupted = new AtomicBoolean();
        AtomicBoolean timedTokenFired = new AtomicBoolean();
        AtomicReference<String> ranOn = new AtomicReference<>();
        FlowDefinition<String, String> timed = FlowDefinition.builder("timed", String.class, String.class)
                .body((ctx, in) -> ctx.step("work", String.class, StepOptions.defaults().withTimeout(
                        Duration.ofHours(1)), s -> {
                            s.cancellation().onCancel(() -> timedTokenFired.set(true));
                            ranOn.set(Thread.currentThread().getName());
                            inStep.countDown();
                            try {
                                new CountDownLatch(1).await();
                            } catch (InterruptedException e) {
                                timedStepInterrupted.set(true);
                                throw e;
                            }
                            return "never";
                        })).build();
        Engine timedRunner = fixture.start(Listeners.lease(Duration.ofHours(1)), timed);
        String timedRun = timedRunner.flow(timed).start("x");
        assertThat(inStep.await(15, TimeUnit.SECONDS)).isTrue();
        assertThat(ranOn.get()).startsWith(timedRunner.instanceId() + "-");
        Engine timedWatcher = fixture.start(Listeners.pollingHourly(), timed);
        await().atMost(WAIT).until(() -> timedRunner.listenerState() == ListenerState.LISTENING);

        assertThat(timedWatcher.cancel(timedRun, "stop")).isTrue();

        await().atMost(WAIT).untilTrue(timedStepInterrupted);
        assertThat(timedTokenFired).isTrue();
        await().atMost(WAIT).until(() -> timedRunner.inFlight() == 0);
        assertThat(statusOf(timedRun)).isEqualTo("canceled");
    }
}
