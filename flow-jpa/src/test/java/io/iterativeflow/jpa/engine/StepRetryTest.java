package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.Backoff;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.PermanentFailureException;
import io.iterativeflow.api.RunFailedException;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.StepFailedException;
import io.iterativeflow.api.StepOptions;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StepRetryTest extends EngineTestBase {

    private static final StepOptions THREE_RETRIES = StepOptions.defaults().withRetries(3)
            .withBackoff(Backoff.fixed(Duration.ZERO));

    StepRetryTest(TestDatabase db) {
        super(db);
    }

    @Test
    void a_step_that_fails_twice_then_succeeds_completes_on_its_third_try() {
        List<Integer> tries = new CopyOnWriteArrayList<>();
        FlowDefinition<String, String> flaky = FlowDefinition.builder("flaky", String.class, String.class)
                .body((ctx, in) -> ctx.step("call", String.class, THREE_RETRIES, s -> {
                    tries.add(s.attempt());
                    if (s.attempt() < 3) {
                        throw new IllegalStateException("service unavailable, try " + s.attempt());
                    }
                    return in + " ok";
                })).build();
        Engine engine = fixture.start(flaky);
        FlowHandle<String, String> handle = engine.flow(flaky);
        String runId = handle.start("order");

        assertThat(handle.result(runId, WAIT)).isEqualTo("order ok");
        assertThat(tries).containsExactly(1, 2, 3);
        RunInfo info = engine.status(runId);
        assertThat(info.step("call")).hasValueSatisfying(step -> {
            assertThat(step.completed()).isTrue();
            assertThat(step.attempts()).isEqualTo(3);
        });
        assertThat(info.timers()).filteredOn(t -> t.kind().equals("retry")).hasSize(2);
    }

    @Test
    void a_step_out_of_retries_fails_the_run_with_step_failed() {
        AtomicInteger calls = new AtomicInteger();
        FlowDefinition<String, String> broken = FlowDefinition.builder("broken", String.class, String.class)
                .body((ctx, in) -> ctx.step("call", String.class,
                        StepOptions.defaults().withRetries(1).withBackoff(Backoff.fixed(Duration.ZERO)), s -> {
                            calls.incrementAndGet();
                            throw new IllegalStateException("always down");
                        })).build();
        Engine engine = fixture.start(broken);
        FlowHandle<String, String> handle = engine.flow(broken);
        String runId = handle.start("x");

        assertThatThrownBy(() -> handle.result(runId, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.STEP_FAILED))
                .hasMessageContaining("always down");
        assertThat(calls).hasValue(2);
        assertThat(statusOf(runId)).isEqualTo("failed");
    }

    @Test
    void a_permanent_failure_is_not_retried_and_the_flow_can_compensate() {
        AtomicInteger charges = new AtomicInteger();
        FlowDefinition<String, String> order = FlowDefinition.builder("compensating", String.class, String.class)
                .body((ctx, in) -> {
                    try {
                        return ctx.step("charge", String.class, StepOptions.defaults().withRetries(5), s -> {
                            charges.incrementAndGet();
                            throw new PermanentFailureException("card declined");
                        });
                    } catch (StepFailedException e) {
                        return ctx.step("refund", String.class, s -> "refunded after " + e.cursorKey());
                    }
                }).build();
        Engine engine = fixture.start(order);
        FlowHandle<String, String> handle = engine.flow(order);
        String runId = handle.start("o-1");

        assertThat(handle.result(runId, WAIT)).isEqualTo("refunded after charge");
        assertThat(charges).hasValue(1);
        assertThat(engine.status(runId).step("charge")).hasValueSatisfying(step -> {
            assertThat(step.completed()).isFalse();
            assertThat(step.errorMessage()).hasValueSatisfying(m -> assertThat(m).contains("card declined"));
        });
    }

    @Test
    void a_failure_matching_the_permanent_predicate_fails_at_once() {
        AtomicInteger calls = new AtomicInteger();
        FlowDefinition<String, String> strict = FlowDefinition.builder("strict", String.class, String.class)
                .body((ctx, in) -> ctx.step("validate", String.class, StepOptions.defaults().withRetries(4)
                        .withPermanentWhen(e -> e instanceof IllegalArgumentException), s -> {
                            calls.incrementAndGet();
                            throw new IllegalArgumentException("bad address");
                        })).build();
        Engine engine = fixture.start(strict);
        String runId = engine.flow(strict).start("x");

        assertThatThrownBy(() -> engine.flow(strict).result(runId, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.STEP_FAILED));
        assertThat(calls).hasValue(1);
    }
}
