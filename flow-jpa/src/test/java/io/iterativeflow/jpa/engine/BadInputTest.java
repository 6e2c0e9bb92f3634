package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.RunFailedException;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class BadInputTest extends EngineTestBase {

    /** JSON-B cannot write this: its only property throws. */
    public static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("not serializable");
        }
    }

    private static final FlowDefinition<String, String> ECHO = FlowDefinition.builder("echo", String.class,
            String.class).body((ctx, in) -> in).build();
    private static final FlowDefinition<Unwritable, String> ODD = FlowDefinition.builder("odd", Unwritable.class,
            String.class).body((ctx, in) -> "never").build();

    BadInputTest(TestDatabase db) {
        super(db);
    }

    @Test
    void bad_starts_are_refused_with_a_code_and_write_nothing() {
        Engine engine = fixture.start(ECHO, ODD);
        FlowHandle<String, String> echo = engine.flow(ECHO);

        expect(FlowErrorCode.INPUT_INVALID, () -> echo.start(null));
        expect(FlowErrorCode.INPUT_INVALID, () -> engine.flow(ODD).start(new Unwritable()));
        expect(FlowErrorCode.ARGUMENT_INVALID, () -> echo.start("x", null));
        expect(FlowErrorCode.FLOW_UNKNOWN, () -> engine.flow("no-such-flow", String.class, String.class));
        expect(FlowErrorCode.ARGUMENT_INVALID, () -> engine.flow("echo", Integer.class, String.class));
        expect(FlowErrorCode.FLOW_UNKNOWN, () -> engine.flow(FlowDefinition.builder("ghost", String.class,
                String.class).body((ctx, in) -> in).build()));

        assertThat(db.sql().count("SELECT count(*) FROM workflow.runs")).isZero();
    }

    @Test
    void bad_run_ids_and_timeouts_are_refused() {
        Engine engine = fixture.start(ECHO);
        FlowHandle<String, String> echo = engine.flow(ECHO);
        expect(FlowErrorCode.ARGUMENT_INVALID, () -> engine.status(null));
        expect(FlowErrorCode.ARGUMENT_INVALID, () -> engine.status(" "));
        expect(FlowErrorCode.RUN_NOT_FOUND, () -> engine.status("42"));
        expect(FlowErrorCode.RUN_NOT_FOUND, () -> echo.output("00000000-0000-0000-0000-000000000000"));
        String runId = echo.start("x");
        expect(FlowErrorCode.ARGUMENT_INVALID, () -> echo.result(runId, Duration.ofSeconds(-1)));
        expect(FlowErrorCode.ARGUMENT_INVALID, () -> echo.result(runId, null));
        expect(FlowErrorCode.ARGUMENT_INVALID, () -> engine.cancel(runId, "r".repeat(1001)));
        assertThat(echo.result(runId, WAIT)).isEqualTo("x");
    }

    @Test
    void bad_arguments_inside_a_flow_fail_the_run_with_a_clear_code() {
        FlowDefinition<String, String> negativeSleep = flow("negative-sleep", (ctx, in) -> {
            ctx.sleep(Duration.ofSeconds(-5));
            return in;
        });
        FlowDefinition<String, String> badStepName = flow("bad-step-name", (ctx, in) ->
                ctx.step("a:1", String.class, s -> in));
        FlowDefinition<String, String> nested = flow("nested", (ctx, in) ->
                ctx.step("outer", String.class, s -> ctx.step("inner", String.class, t -> in)));
        Engine engine = fixture.start(negativeSleep, badStepName, nested);

        expectRun(engine, negativeSleep, FlowErrorCode.ARGUMENT_INVALID, "zero or positive");
        expectRun(engine, badStepName, FlowErrorCode.ARGUMENT_INVALID, "must not contain ':'");
        expectRun(engine, nested, FlowErrorCode.STEP_INVALID_AWAIT, "inside a step");
    }

    @Test
    void a_body_that_throws_outside_any_step_fails_the_run_with_flow_failed() {
        FlowDefinition<String, String> buggy = flow("buggy", (ctx, in) -> {
            throw new IllegalStateException("bug in flow code");
        });
        Engine engine = fixture.start(buggy);
        expectRun(engine, buggy, FlowErrorCode.FLOW_FAILED, "bug in flow code");
    }

    private void expectRun(Engine engine, FlowDefinition<String, String> flow, FlowErrorCode code, String text) {
        String runId = engine.flow(flow).start("x");
        assertThatThrownBy(() -> engine.flow(flow).result(runId, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContaining(text);
    }

    private static FlowDefinition<String, String> flow(String name, FlowBody<String, String> body) {
        return FlowDefinition.builder(name, String.class, String.class).body(body).build();
    }

    private static void expect(FlowErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FlowException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

}
