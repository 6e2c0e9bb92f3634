package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.Backoff;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.RunFailedException;
import io.iterativeflow.api.StepOptions;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A NUL character (U+0000) cannot be stored (PostgreSQL refuses it in text and jsonb): a value holding one fails its
 * step or run at once, for good, and an error message holding one is stored with the NUL escaped.
 */
class NulCharacterTest extends EngineTestBase {

    private static final StepOptions RETRIES = StepOptions.defaults().withRetries(3)
            .withBackoff(Backoff.fixed(Duration.ZERO));

    NulCharacterTest(TestDatabase db) {
        super(db);
    }

    @Test
    void a_step_result_with_a_nul_character_fails_the_step_at_once_and_it_never_runs_again() {
        AtomicInteger calls = new AtomicInteger();
        FlowDefinition<String, String> flow = FlowDefinition.builder("nul-result", String.class, String.class)
                .body((ctx, in) -> ctx.step("read", String.class, RETRIES, s -> {
                    calls.incrementAndGet();
                    return "a\u0000b";
                })).build();
        Engine engine = fixture.start(flow);
        String runId = engine.flow(flow).start("x");

        assertThatThrownBy(() -> engine.flow(flow).result(runId, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.SERIALIZATION_FAILED))
                .hasMessageContaining("NUL character");
        assertThat(calls).hasValue(1);
        assertThat(db.sql().row("SELECT status, error_code FROM workflow.steps WHERE run_id = CAST(? AS UUID)",
                runId)).containsEntry("status", "failed").containsEntry("error_code", "SERIALIZATION_FAILED");
    }

    @Test
    void a_transactional_step_result_with_a_nul_character_fails_the_step_at_once() {
        AtomicInteger calls = new AtomicInteger();
        FlowDefinition<String, String> flow = FlowDefinition.builder("nul-tx-result", String.class, String.class)
                .body((ctx, in) -> ctx.transactionalStep("read", String.class, RETRIES, s -> {
                    calls.incrementAndGet();
                    return "\u0000";
                })).build();
        Engine engine = fixture.start(flow);
        String runId = engine.flow(flow).start("x");

        assertThatThrownBy(() -> engine.flow(flow).result(runId, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.SERIALIZATION_FAILED));
        assertThat(calls).hasValue(1);
    }

    @Test
    void a_flow_output_with_a_nul_character_fails_the_run_at_once() {
        AtomicInteger bodies = new AtomicInteger();
        FlowDefinition<String, String> flow = FlowDefinition.builder("nul-output", String.class, String.class)
                .body((ctx, in) -> {
                    bodies.incrementAndGet();
                    return in + "\u0000";
                }).build();
        Engine engine = fixture.start(flow);
        String runId = engine.flow(flow).start("x");

        assertThatThrownBy(() -> engine.flow(flow).result(runId, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.SERIALIZATION_FAILED));
        assertThat(bodies).hasValue(1);
        assertThat(statusOf(runId)).isEqualTo("failed");
    }

    @Test
    void an_error_message_with_a_nul_character_is_stored_with_the_nul_escaped_and_the_step_is_not_run_again() {
        AtomicInteger calls = new AtomicInteger();
        FlowDefinition<String, String> flow = FlowDefinition.builder("nul-error", String.class, String.class)
                .body((ctx, in) -> ctx.step("parse", String.class, StepOptions.defaults().withRetries(0), s -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("bad byte \u0000 at 7");
                })).build();
        Engine engine = fixture.start(flow);
        String runId = engine.flow(flow).start("x");

        assertThatThrownBy(() -> engine.flow(flow).result(runId, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.STEP_FAILED))
                .hasMessageContaining("bad byte \\u0000 at 7");
        assertThat(calls).hasValue(1);
        assertThat((String) db.sql().value("SELECT error_message FROM workflow.runs WHERE id = CAST(? AS UUID)",
                runId)).contains("bad byte \\u0000 at 7").doesNotContain("\u0000");
    }

    /** A step result with a NUL deep inside. */
    public record Parsed(String id, java.util.List<String> lines) {
    }

    @Test
    void a_nul_character_nested_deep_in_a_step_result_fails_the_step_at_once() {
        AtomicInteger calls = new AtomicInteger();
        FlowDefinition<String, Parsed> flow = FlowDefinition.builder("nul-nested", String.class, Parsed.class)
                .body((ctx, in) -> ctx.step("parse", Parsed.class, RETRIES, s -> {
                    calls.incrementAndGet();
                    return new Parsed("p-1", java.util.List.of("fine", "bro\u0000ken"));
                })).build();
        Engine engine = fixture.start(flow);
        String runId = engine.flow(flow).start("x");

        assertThatThrownBy(() -> engine.flow(flow).result(runId, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.SERIALIZATION_FAILED));
        assertThat(calls).hasValue(1);
    }

    @Test
    void the_escaped_text_of_a_nul_is_no_nul_and_replays_unchanged() {
        AtomicInteger calls = new AtomicInteger();
        String escaped = "a\\u0000b \\0 \\\\u0000";
        FlowDefinition<String, String> flow = FlowDefinition.builder("nul-escaped", String.class, String.class)
                .body((ctx, in) -> {
                    String read = ctx.step("read", String.class, s -> {
                        calls.incrementAndGet();
                        return escaped;
                    });
                    ctx.sleep("pause", Duration.ofMillis(1)); // the next attempt replays "read"
                    return read;
                }).build();
        Engine engine = fixture.start(flow);
        String runId = engine.flow(flow).start("x");

        assertThat(engine.flow(flow).result(runId, WAIT)).isEqualTo(escaped).doesNotContain("\u0000");
        assertThat(calls).hasValue(1);
        assertThat(engine.status(runId).attempts()).isGreaterThanOrEqualTo(2);
    }
}
