package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.RunFailedException;
import io.iterativeflow.api.StepOptions;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StepTimeoutTest extends EngineTestBase {

    StepTimeoutTest(TestDatabase db) {
        super(db);
    }

    @Test
    void a_step_that_ignores_interrupts_still_times_out() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean sawInterrupt = new AtomicBoolean();
        FlowDefinition<String, String> stubborn = FlowDefinition.builder("stubborn", String.class, String.class)
                .body((ctx, in) -> ctx.step("hang", String.class,
                        StepOptions.defaults().withTimeout(Duration.ofMillis(300)), s -> {
                            while (release.getCount() > 0) {
                                try {
                                    release.await();
                                } catch (InterruptedException ignored) {
                                    sawInterrupt.set(true);
                                }
                            }
                            return "late";
                        })).build();
        Engine engine = fixture.start(stubborn);
        try {
            String runId = engine.flow(stubborn).start("x");
            assertThatThrownBy(() -> engine.flow(stubborn).result(runId, WAIT))
                    .isInstanceOfSatisfying(RunFailedException.class,
                            e -> assertThat(e.code()).isEqualTo(FlowErrorCode.STEP_TIMEOUT));
            assertThat(sawInterrupt).isTrue();
            assertThat(engine.status(runId).step("hang")).hasValueSatisfying(step -> {
                assertThat(step.completed()).isFalse();
                assertThat(step.errorCode()).contains(FlowErrorCode.STEP_TIMEOUT);
            });
        } finally {
            release.countDown();
        }
    }

    @Test
    void a_cooperative_step_sees_its_token_cancelled_at_the_deadline() {
        AtomicBoolean cancelled = new AtomicBoolean();
        FlowDefinition<String, String> polite = FlowDefinition.builder("polite", String.class, String.class)
                .body((ctx, in) -> ctx.step("wait", String.class,
                        StepOptions.defaults().withTimeout(Duration.ofMillis(200)), s -> {
                            CountDownLatch done = new CountDownLatch(1);
                            s.cancellation().onCancel(() -> {
                                cancelled.set(true);
                                done.countDown();
                            });
                            done.await();
                            s.cancellation().throwIfCancelled();
                            return "unreachable";
                        })).build();
        Engine engine = fixture.start(polite);
        String runId = engine.flow(polite).start("x");

        assertThatThrownBy(() -> engine.flow(polite).result(runId, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.STEP_TIMEOUT));
        assertThat(cancelled).isTrue();
    }
}
