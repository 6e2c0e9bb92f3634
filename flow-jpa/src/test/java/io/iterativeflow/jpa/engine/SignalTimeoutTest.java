package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.RunFailedException;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.SignalDeliveryResult;
import io.iterativeflow.api.SignalOptions;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignalTimeoutTest extends EngineTestBase {

    private static final SignalOptions ONE_HOUR = SignalOptions.timeout(Duration.ofHours(1));

    SignalTimeoutTest(TestDatabase db) {
        super(db);
    }

    @Test
    void a_wait_that_times_out_fails_the_run_and_a_late_signal_expires_without_reviving_it() {
        FlowDefinition<String, String> strict = FlowDefinition.builder("strict", String.class, String.class)
                .body((ctx, in) -> ctx.signal("answer", String.class, ONE_HOUR)).build();
        Engine engine = fixture.start(strict);
        String runId = engine.flow(strict).start("x");
        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.AWAITING_SIGNAL);
        assertThat(engine.status(runId).timers()).singleElement().satisfies(timer -> {
            assertThat(timer.cursorKey()).isEqualTo("signal:answer");
            assertThat(timer.kind()).isEqualTo("signal_timeout");
        });

        fixture.clock().advance(Duration.ofHours(1).plusSeconds(1));
        engine.wake();

        assertThatThrownBy(() -> engine.flow(strict).result(runId, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.SIGNAL_TIMEOUT));
        SignalDeliveryResult late = engine.signal(runId, "answer", "too late");

        assertThat(late).isInstanceOf(SignalDeliveryResult.Expired.class);
        assertThat(statusOf(runId)).isEqualTo("failed");
        assertThat(db.sql().count("SELECT count(*) FROM workflow.signals")).isZero();
        assertThat(db.sql().row("SELECT status, error_code FROM workflow.steps WHERE run_id = CAST(? AS UUID)", runId))
                .containsEntry("status", "failed").containsEntry("error_code", "SIGNAL_TIMEOUT");
        assertThat(db.sql().count("SELECT count(*) FROM workflow.events WHERE run_id = CAST(? AS UUID)"
                + " AND type = 'claimed'", runId)).as("the timeout is not retried").isEqualTo(2);
    }

    @Test
    void a_flow_that_catches_the_timeout_goes_on_and_a_late_signal_neither_wakes_nor_changes_it() {
        FlowDefinition<String, String> lenient = FlowDefinition.builder("lenient", String.class, String.class)
                .body((ctx, in) -> {
                    String answer;
                    try {
                        answer = ctx.signal("answer", String.class, ONE_HOUR);
                    } catch (FlowException e) {
                        if (e.code() != FlowErrorCode.SIGNAL_TIMEOUT) {
                            throw e;
                        }
                        answer = "no answer";
                    }
                    ctx.sleep("grace", Duration.ofDays(1));
                    return answer;
                }).build();
        Engine engine = fixture.start(lenient);
        String runId = engine.flow(lenient).start("x");
        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.AWAITING_SIGNAL);
        fixture.clock().advance(Duration.ofHours(2));
        engine.wake();
        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.SLEEPING);
        Instant sleepingUntil = engine.status(runId).availableAt().orElseThrow();

        SignalDeliveryResult late = engine.signal(runId, "answer", "too late");

        assertThat(late).isInstanceOfSatisfying(SignalDeliveryResult.Expired.class,
                e -> assertThat(e.reason()).contains("timed out"));
        assertThat(engine.status(runId).status()).isEqualTo(RunStatus.SLEEPING);
        assertThat(engine.status(runId).availableAt()).contains(sleepingUntil);
        fixture.clock().advance(Duration.ofDays(1));
        engine.wake();
        assertThat(engine.flow(lenient).result(runId, WAIT)).as("replay re-throws the recorded timeout")
                .isEqualTo("no answer");
        assertThat(db.sql().count("SELECT count(*) FROM workflow.signals")).isZero();
    }

    @Test
    void a_signal_that_arrives_before_the_timeout_wins_and_the_timer_is_removed() {
        FlowDefinition<String, String> quick = FlowDefinition.builder("quick", String.class, String.class)
                .body((ctx, in) -> ctx.signal("answer", String.class, ONE_HOUR)).build();
        Engine engine = fixture.start(quick);
        String runId = engine.flow(quick).start("x");
        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.AWAITING_SIGNAL);

        assertThat(engine.signal(runId, "answer", "in time")).isInstanceOf(SignalDeliveryResult.Delivered.class);

        assertThat(engine.flow(quick).result(runId, WAIT)).isEqualTo("in time");
        assertThat(db.sql().count("SELECT count(*) FROM workflow.timers")).isZero();
    }
}
