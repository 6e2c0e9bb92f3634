package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.StepInfo;
import io.iterativeflow.api.WaitUntil;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.spi.ListenerState;
import io.iterativeflow.jpa.testing.DatabaseTest;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** With listening switched off on every engine, runs, results, waits and cancels still complete by polling. */
@DatabaseTest(poolSize = 12)
class PollingFallbackTest extends EngineTestBase {

    PollingFallbackTest(TestDatabase db) {
        super(db);
    }

    @Test
    void runs_started_elsewhere_complete_and_every_kind_of_waiter_sees_it() throws Exception {
        FlowDefinition<Integer, Integer> square = FlowDefinition.builder("square", Integer.class, Integer.class)
                .body((ctx, n) -> ctx.step("multiply", Integer.class, s -> n * n)).build();
        Engine starter = fixture.build(Listeners.deaf(), square);
        Engine worker = fixture.start(Listeners.deaf(), square);
        assertThat(worker.listenerState()).isEqualTo(ListenerState.DISABLED);

        List<String> runIds = IntStream.range(1, 6).mapToObj(n -> starter.flow(square).start(n)).toList();
        List<CompletableFuture<Integer>> async = runIds.stream()
                .map(id -> starter.flow(square).resultAsync(id, WAIT).toCompletableFuture()).toList();

        assertThat(worker.flow(square).result(runIds.get(4), WAIT)).isEqualTo(25);
        StepInfo step = starter.flow(square).wait(runIds.get(2), WaitUntil.step("multiply"), WAIT);
        assertThat(step.resultJson()).contains("9");
        assertThat(starter.flow(square).wait(runIds.get(0), WaitUntil.terminal(), WAIT).status())
                .isEqualTo(RunStatus.COMPLETED);
        for (int i = 0; i < async.size(); i++) {
            assertThat(async.get(i).get(15, TimeUnit.SECONDS)).isEqualTo((i + 1) * (i + 1));
        }
    }

    @Test
    void a_cancel_reaches_a_step_on_the_other_instance_through_its_lease_renewal() throws Exception {
        CountDownLatch inStep = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean tokenFired = new AtomicBoolean();
        FlowDefinition<String, String> slow = FlowDefinition.builder("slow", String.class, String.class)
                .body((ctx, in) -> ctx.step("work", String.class, s -> {
                    s.cancellation().onCancel(() -> tokenFired.set(true));
                    inStep.countDown();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                        throw e;
                    }
                    return "never";
                })).build();
        Engine runner = fixture.start(Listeners.deaf(), slow);
        String runId = runner.flow(slow).start("x");
        assertThat(inStep.await(15, TimeUnit.SECONDS)).isTrue();
        Engine other = fixture.start(Listeners.deaf(), slow);

        assertThat(other.cancel(runId, "stop")).isTrue();

        await().atMost(WAIT).untilTrue(interrupted);
        assertThat(tokenFired).isTrue();
        await().atMost(WAIT).until(() -> runner.inFlight() == 0);
        assertThat(statusOf(runId)).isEqualTo("canceled");
    }
}
