package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.PermanentFailureException;
import io.iterativeflow.api.RunFailedException;
import io.iterativeflow.api.StepOptions;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A failed run's stored and shown error is the failure's message and code, never a Java class name. */
class FailureMessagesTest extends EngineTestBase {

    FailureMessagesTest(TestDatabase db) {
        super(db);
    }

    @Test
    void a_permanent_failure_is_stored_as_its_message_without_the_exception_class() {
        String runId = failWith("permanent", () -> new PermanentFailureException("invalid order: no lines"),
                FlowErrorCode.STEP_FAILED, "invalid order: no lines");

        assertThat(stored("SELECT error_message FROM workflow.steps WHERE run_id = CAST(? AS UUID)", runId))
                .isEqualTo("invalid order: no lines");
    }

    @Test
    void a_failure_wrapping_a_cause_is_stored_as_the_causes_message_without_class_names() {
        failWith("wrapped", () -> new RuntimeException(new UncheckedIOException(new java.io.IOException("disk full"))),
                FlowErrorCode.STEP_FAILED, "disk full");
    }

    @Test
    void a_failure_without_any_message_says_so_without_naming_its_class() {
        failWith("silent", IllegalStateException::new, FlowErrorCode.STEP_FAILED, "without a message");
    }

    @Test
    void a_body_that_throws_outside_of_steps_fails_the_run_with_its_message_only() {
        FlowDefinition<String, String> flow = FlowDefinition.builder("outside", String.class, String.class)
                .body((ctx, in) -> {
                    throw new IllegalArgumentException("order has no lines");
                }).build();
        Engine engine = fixture.start(flow);
        String runId = engine.flow(flow).start("x");

        assertThatThrownBy(() -> engine.flow(flow).result(runId, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.FLOW_FAILED))
                .hasMessageContaining("order has no lines")
                .satisfies(e -> assertNoClassNames(e.getMessage()));
        assertNoClassNames(stored("SELECT error_message FROM workflow.runs WHERE id = CAST(? AS UUID)", runId));
    }

    private String failWith(String name, Supplier<RuntimeException> failure, FlowErrorCode code, String expected) {
        FlowDefinition<String, String> flow = FlowDefinition.builder(name, String.class, String.class)
                .body((ctx, in) -> ctx.step("check", String.class, StepOptions.defaults().withRetries(0), s -> {
                    throw failure.get();
                })).build();
        Engine engine = fixture.start(flow);
        String runId = engine.flow(flow).start("x");

        assertThatThrownBy(() -> engine.flow(flow).result(runId, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContaining(expected)
                .satisfies(e -> assertNoClassNames(e.getMessage()));
        String stored = stored("SELECT error_message FROM workflow.runs WHERE id = CAST(? AS UUID)", runId);
        assertThat(stored).contains(expected);
        assertNoClassNames(stored);
        assertNoClassNames(engine.status(runId).errorMessage().orElseThrow());
        return runId;
    }

    private String stored(String sql, String runId) {
        return (String) db.sql().value(sql, runId);
    }

    private static void assertNoClassNames(String message) {
        assertThat(message).doesNotContain("io.iterativeflow", "java.", "Exception");
    }
}
