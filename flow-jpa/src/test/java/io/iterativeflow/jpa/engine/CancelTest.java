package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.RunFailedException;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CancelTest extends EngineTestBase {

    CancelTest(TestDatabase db) {
        super(db);
    }

    @Test
    void cancel_while_sleeping_ends_the_run_as_canceled_for_good() {
        FlowDefinition<String, String> nap = FlowDefinition.builder("nap", String.class, String.class)
                .body((ctx, in) -> {
                    ctx.sleep(Duration.ofDays(7));
                    return "woke";
                }).build();
        Engine engine = fixture.start(nap);
        String runId = engine.flow(nap).start("x");
        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.SLEEPING);

        assertThat(engine.cancel(runId, "customer withdrew")).isTrue();

        assertThatThrownBy(() -> engine.flow(nap).result(runId, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class, e -> {
                    assertThat(e.code()).isEqualTo(FlowErrorCode.RUN_CANCELED);
                    assertThat(e.status()).isEqualTo(RunStatus.CANCELED);
                })
                .hasMessageContaining("customer withdrew");
        fixture.clock().advance(Duration.ofDays(8));
        engine.wake();
        assertThat(engine.cancel(runId, "again")).isFalse();
        assertThat(statusOf(runId)).isEqualTo("canceled");
    }

    @Test
    void cancel_while_a_step_runs_interrupts_it_and_nothing_is_recorded() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        FlowDefinition<String, String> slow = FlowDefinition.builder("slow", String.class, String.class)
                .body((ctx, in) -> ctx.step("work", String.class, s -> {
                    started.countDown();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                        throw e;
                    }
                    return "never";
                })).build();
        Engine engine = fixture.start(slow);
        String runId = engine.flow(slow).start("x");
        assertThat(started.await(15, TimeUnit.SECONDS)).isTrue();

        assertThat(engine.cancel(runId, "stop")).isTrue();

        await().atMost(WAIT).untilTrue(interrupted);
        await().atMost(WAIT).until(() -> engine.inFlight() == 0);
        assertThat(statusOf(runId)).isEqualTo("canceled");
        assertThat(engine.status(runId).steps()).isEmpty();
    }

    @Test
    void cancel_after_completion_changes_nothing() {
        FlowDefinition<String, String> quick = FlowDefinition.builder("quick", String.class, String.class)
                .body((ctx, in) -> in).build();
        Engine engine = fixture.start(quick);
        String runId = engine.flow(quick).start("x");
        assertThat(engine.flow(quick).result(runId, WAIT)).isEqualTo("x");

        assertThat(engine.cancel(runId, "too late")).isFalse();
        assertThat(statusOf(runId)).isEqualTo("completed");
    }

    @Test
    void cancel_of_an_unknown_run_says_so() {
        Engine engine = fixture.start();
        assertThatThrownBy(() -> engine.cancel(UUID.randomUUID().toString(), "x"))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.RUN_NOT_FOUND));
        assertThatThrownBy(() -> engine.cancel("not-a-uuid", "x"))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.RUN_NOT_FOUND));
    }
}
