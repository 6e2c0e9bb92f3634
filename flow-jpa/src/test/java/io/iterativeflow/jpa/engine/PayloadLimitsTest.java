package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.RunFailedException;
import io.iterativeflow.api.StepOptions;
import io.iterativeflow.core.config.PayloadLimits;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PayloadLimitsTest extends EngineTestBase {

    private static final PayloadLimits SMALL = PayloadLimits.defaults().withMaxInputBytes(64)
            .withMaxStepResultBytes(100);

    PayloadLimitsTest(TestDatabase db) {
        super(db);
    }

    @Test
    void an_input_over_the_cap_is_refused_before_anything_is_written() {
        FlowDefinition<String, String> echo = FlowDefinition.builder("echo", String.class, String.class)
                .body((ctx, in) -> in).build();
        Engine engine = fixture.start(b -> b.settings(EngineFixture.FAST.withLimits(SMALL)), echo);
        FlowHandle<String, String> handle = engine.flow(echo);

        // 62 characters plus two quotes: exactly the cap is accepted
        String fits = handle.start("a".repeat(62));
        assertThatThrownBy(() -> handle.start("a".repeat(63)))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.INPUT_TOO_LARGE))
                .hasMessageContaining("65 bytes").hasMessageContaining("flow.limits.max-input-bytes");
        // multi-byte characters count by their UTF-8 bytes: 30 x 3 bytes + 2 quotes = 92
        assertThatThrownBy(() -> handle.start("€".repeat(30)))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.INPUT_TOO_LARGE))
                .hasMessageContaining("92 bytes");

        assertThat(handle.result(fits, WAIT)).hasSize(62);
        assertThat(db.sql().count("SELECT count(*) FROM workflow.runs")).isEqualTo(1);
    }

    @Test
    void a_step_result_over_the_cap_fails_the_run_without_retrying_the_step() {
        AtomicInteger calls = new AtomicInteger();
        FlowDefinition<String, String> big = FlowDefinition.builder("big", String.class, String.class)
                .body((ctx, in) -> ctx.step("produce", String.class, StepOptions.defaults().withRetries(3), s -> {
                    calls.incrementAndGet();
                    return "b".repeat(500);
                })).build();
        Engine engine = fixture.start(b -> b.settings(EngineFixture.FAST.withLimits(SMALL)), big);
        String runId = engine.flow(big).start("x");

        assertThatThrownBy(() -> engine.flow(big).result(runId, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.STEP_RESULT_TOO_LARGE))
                .hasMessageContaining("flow.limits.max-step-result-bytes");
        assertThat(calls).hasValue(1);
        assertThat(db.sql().count("SELECT count(*) FROM workflow.steps WHERE run_id = ?::uuid"
                + " AND status = 'failed' AND result IS NULL", runId)).isEqualTo(1);
    }
}
