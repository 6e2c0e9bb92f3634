package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.SignalDeliveryResult;
import io.iterativeflow.api.SignalOptions;
import io.iterativeflow.api.WaitUntil;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** {@code wait(runId, WaitUntil.signal(name))}: until the run waits for that signal, or has received one. */
class WaitForSignalTest extends EngineTestBase {

    private final CountDownLatch release = new CountDownLatch(1);

    /** Works a while, then waits for "approve", then for "ship". */
    private final FlowDefinition<String, String> approval = FlowDefinition.builder("approval", String.class,
            String.class).body((ctx, in) -> {
                ctx.step("prepare", String.class, s -> {
                    release.await();
                    return in;
                });
                String approved = ctx.signal("approve", String.class);
                String shipped = ctx.signal("ship", String.class);
                return approved + "/" + shipped;
            }).build();

    WaitForSignalTest(TestDatabase db) {
        super(db);
    }

    @Test
    void the_wait_returns_once_the_run_waits_for_that_signal_and_not_for_another() throws Exception {
        Engine engine = fixture.start(approval);
        FlowHandle<String, String> flow = engine.flow(approval);
        String runId = flow.start("x");

        assertThatThrownBy(() -> flow.wait(runId, WaitUntil.signal("approve"), Duration.ofMillis(300)))
                .as("the run is still preparing")
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.RESULT_TIMEOUT))
                .hasMessageContaining("wait for or receive signal 'approve'");
        release.countDown();

        RunInfo waiting = flow.wait(runId, WaitUntil.signal("approve"), WAIT);
        assertThat(waiting.status()).isEqualTo(RunStatus.AWAITING_SIGNAL);
        assertThatThrownBy(() -> flow.wait(runId, WaitUntil.signal("ship"), Duration.ofMillis(300)))
                .as("it waits for approve, not ship")
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.RESULT_TIMEOUT));

        assertThat(engine.signal(runId, "approve", "yes")).isInstanceOf(SignalDeliveryResult.Delivered.class);
        RunInfo atShip = flow.wait(runId, WaitUntil.signal("ship"), WAIT);
        assertThat(atShip.status()).isEqualTo(RunStatus.AWAITING_SIGNAL);
        assertThat(flow.wait(runId, WaitUntil.signal("approve"), WAIT).step("signal:approve"))
                .as("a received signal keeps the condition true").isPresent();

        engine.signal(runId, "ship", "today");
        assertThat(flow.result(runId, WAIT)).isEqualTo("yes/today");
        assertThat(flow.wait(runId, WaitUntil.signal("ship"), WAIT).status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void a_run_that_ended_without_the_signal_makes_the_wait_unsatisfiable() {
        FlowDefinition<String, String> impatient = FlowDefinition.builder("impatient", String.class, String.class)
                .body((ctx, in) -> {
                    try {
                        return ctx.signal("go", String.class, SignalOptions.timeout(Duration.ofMillis(1)));
                    } catch (FlowException e) {
                        return "expired";
                    }
                }).build();
        Engine engine = fixture.start(impatient);
        FlowHandle<String, String> flow = engine.flow(impatient);
        String runId = flow.start("x");
        fixture.clock().advance(Duration.ofSeconds(1));
        assertThat(flow.result(runId, WAIT)).isEqualTo("expired");

        assertThatThrownBy(() -> flow.wait(runId, WaitUntil.signal("go"), WAIT))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.WAIT_UNSATISFIABLE))
                .hasMessageContaining("never waited for or received signal 'go'");
    }

    @Test
    void bad_signal_names_are_refused() {
        for (String bad : new String[] {null, " ", "a:b", "a#b", "n".repeat(201)}) {
            assertThatThrownBy(() -> WaitUntil.signal(bad)).as(String.valueOf(bad))
                    .isInstanceOfSatisfying(FlowException.class,
                            e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID));
        }
    }
}
