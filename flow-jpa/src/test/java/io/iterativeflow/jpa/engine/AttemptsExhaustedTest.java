package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.RunFailedException;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AttemptsExhaustedTest extends EngineTestBase {

    AttemptsExhaustedTest(TestDatabase db) {
        super(db);
    }

    @Test
    void a_run_whose_attempts_keep_dying_fails_with_run_attempts_exhausted() throws Exception {
        CountDownLatch inStep = new CountDownLatch(1);
        AtomicInteger tries = new AtomicInteger();
        FlowDefinition<String, String> poison = FlowDefinition.builder("poison", String.class, String.class)
                .body((ctx, in) -> ctx.step("crash", String.class, s -> {
                    tries.incrementAndGet();
                    inStep.countDown();
                    new CountDownLatch(1).await();
                    return "never";
                })).build();
        Engine first = fixture.start(b -> b.settings(EngineFixture.FAST.withMaxRunAttempts(1)), poison);
        String runId = first.flow(poison).start("x");
        assertThat(inStep.await(15, TimeUnit.SECONDS)).isTrue();
        first.halt();

        Engine second = fixture.start(b -> b.settings(EngineFixture.FAST.withMaxRunAttempts(1)), poison);

        assertThatThrownBy(() -> second.flow(poison).result(runId, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.RUN_ATTEMPTS_EXHAUSTED))
                .hasMessageContaining("flow.max-run-attempts");
        assertThat(tries).as("the second attempt was refused before running the step").hasValue(1);
    }

    @Test
    void attempts_that_end_by_sleeping_do_not_count_against_the_limit() {
        FlowDefinition<String, Integer> napper = FlowDefinition.builder("napper", String.class, Integer.class)
                .body((ctx, in) -> {
                    for (int i = 0; i < 3; i++) {
                        ctx.sleep(Duration.ofMillis(20));
                    }
                    return ctx.attempt();
                }).build();
        Engine engine = fixture.start(b -> b.settings(EngineFixture.FAST.withMaxRunAttempts(1)), napper);
        String runId = engine.flow(napper).start("x");

        assertThat(engine.flow(napper).result(runId, WAIT)).isEqualTo(4);
    }
}
