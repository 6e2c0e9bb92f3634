package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.SignalDelivery;
import io.iterativeflow.core.spi.SignalWaitOutcome;
import io.iterativeflow.core.spi.SignalWaitOutcome.Kind;
import io.iterativeflow.jpa.testing.JsonText;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.h2.api.Trigger;
import org.junit.jupiter.api.Test;

class SignalStoreTest extends StoreTestBase {

    private static final String PAYLOAD = "{\"ok\": true}";

    @Test
    void a_wait_without_a_signal_suspends_the_run_and_releases_its_lease() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));

        SignalWaitOutcome outcome = store.awaitSignal(run.fence(), "signal:go", "go", 0, Optional.empty());

        assertThat(outcome.kind()).isEqualTo(Kind.WAITING);
        assertThat(outcome.timeoutAt()).isEmpty();
        assertThat(sql().row("SELECT status, wait_kind, wait_key, lease_owner FROM workflow.runs"))
                .containsEntry("status", "awaiting_signal").containsEntry("wait_kind", "signal")
                .containsEntry("wait_key", "signal:go").containsEntry("lease_owner", null);
        assertThat(store.claim(OWNER, 1, LEASE)).as("no signal, no timeout: never due").isEmpty();
        assertThat(store.awaitSignal(run.fence(), "signal:go", "go", 0, Optional.empty()).kind())
                .as("the attempt that suspended owns the run no more").isEqualTo(Kind.LEASE_LOST);
    }

    @Test
    void a_delivery_makes_the_waiting_run_ready_and_its_next_attempt_consumes_the_signal() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));
        store.awaitSignal(run.fence(), "signal:go", "go", 0, Optional.empty());

        assertThat(store.deliverSignal(run.runId(), "go", PAYLOAD, Optional.empty()))
                .isEqualTo(SignalDelivery.DELIVERED);
        ClaimedRun woken = store.claim(OWNER, 1, LEASE).get(0);
        SignalWaitOutcome outcome = store.awaitSignal(woken.fence(), "signal:go", "go", 0, Optional.empty());

        assertThat(outcome.kind()).isEqualTo(Kind.RECEIVED);
        assertThat(JsonText.value(outcome.payloadJson())).isEqualTo(JsonText.value(PAYLOAD));
        assertThat(sql().row("SELECT status, cursor_key FROM workflow.signals"))
                .containsEntry("status", "consumed").containsEntry("cursor_key", "signal:go");
        assertThat(sql().row("SELECT status, wait_key, lease_owner FROM workflow.runs"))
                .containsEntry("status", "running").containsEntry("wait_key", null)
                .containsEntry("lease_owner", OWNER);
        assertThat(eventTypes(run.runId())).containsSubsequence("awaiting_signal", "signal_delivered", "claimed",
                "signal_consumed");
    }

    @Test
    void a_wait_whose_timer_is_due_records_the_timeout_once() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));
        SignalWaitOutcome waiting = store.awaitSignal(run.fence(), "signal:go", "go", 0,
                Optional.of(Duration.ofMinutes(5)));
        Instant due = waiting.timeoutAt().orElseThrow();
        assertThat(sql().value("SELECT available_at FROM workflow.runs")).isEqualTo(due);

        clock.advance(Duration.ofMinutes(6));
        ClaimedRun woken = store.claim(OWNER, 1, LEASE).get(0);
        SignalWaitOutcome outcome = store.awaitSignal(woken.fence(), "signal:go", "go", 0,
                Optional.of(Duration.ofMinutes(5)));

        assertThat(outcome.kind()).isEqualTo(Kind.TIMED_OUT);
        assertThat(sql().row("SELECT kind, status, error_code FROM workflow.steps"))
                .containsEntry("kind", "signal").containsEntry("status", "failed")
                .containsEntry("error_code", "SIGNAL_TIMEOUT");
        assertThat(store.deliverSignal(run.runId(), "go", PAYLOAD, Optional.empty()))
                .isEqualTo(SignalDelivery.WAIT_TIMED_OUT);
        assertThat(sql().count("SELECT count(*) FROM workflow.signals")).isZero();
    }

    @Test
    void a_replayed_wait_keeps_the_timeout_recorded_first() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));
        Instant due = store.awaitSignal(run.fence(), "signal:go", "go", 0, Optional.of(Duration.ofHours(1)))
                .timeoutAt().orElseThrow();
        sql().update("UPDATE workflow.runs SET available_at = now()"); // woken early, as by a lost lease
        ClaimedRun again = store.claim(OWNER, 1, LEASE).get(0);

        SignalWaitOutcome outcome = store.awaitSignal(again.fence(), "signal:go", "go", 0,
                Optional.of(Duration.ofHours(5)));

        assertThat(outcome.timeoutAt()).contains(due);
        assertThat(sql().count("SELECT count(*) FROM workflow.timers")).isEqualTo(1);
    }

    @Test
    void unknown_and_finished_runs_get_no_signal() {
        assertThat(store.deliverSignal(java.util.UUID.randomUUID(), "go", PAYLOAD, Optional.empty()))
                .isEqualTo(SignalDelivery.RUN_NOT_FOUND);
        ClaimedRun run = startAndClaim(Runs.run("orders"));
        store.complete(run.fence(), "1");

        assertThat(store.deliverSignal(run.runId(), "go", PAYLOAD, Optional.empty()))
                .isEqualTo(SignalDelivery.RUN_FINISHED);
        assertThat(sql().count("SELECT count(*) FROM workflow.signals")).isZero();
    }

    @Test
    void a_delivery_that_fails_at_commit_leaves_no_signal_and_no_wake_up() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));
        store.awaitSignal(run.fence(), "signal:explode", "explode", 0, Optional.empty());
        Map<String, Object> before = sql().row("SELECT status, available_at, updated_at FROM workflow.runs");
        refuseSignals();
        try {
            assertThatThrownBy(() -> store.deliverSignal(run.runId(), "explode", PAYLOAD, Optional.empty()))
                    .isInstanceOfSatisfying(FlowException.class,
                            e -> assertThat(e.code()).isEqualTo(FlowErrorCode.STORE_UNAVAILABLE));

            assertThat(sql().count("SELECT count(*) FROM workflow.signals")).isZero();
            assertThat(sql().row("SELECT status, available_at, updated_at FROM workflow.runs")).isEqualTo(before);
            assertThat(eventTypes(run.runId())).doesNotContain("signal_delivered");
            assertThat(store.claim(OWNER, 1, LEASE)).isEmpty();
        } finally {
            allowSignals();
        }
        assertThat(store.deliverSignal(run.runId(), "explode", PAYLOAD, Optional.empty()))
                .isEqualTo(SignalDelivery.DELIVERED);
    }

    /**
     * Makes the delivery of signal {@code explode} fail after the signal row and the wake-up were written in its
     * transaction: on PostgreSQL at commit (a deferred constraint trigger), on H2 (which has no deferred triggers) at
     * the delivery's last statement, its event.
     */
    private static void refuseSignals() {
        if (db.isH2()) {
            sql().update("CREATE TRIGGER workflow.test_refuse_signal AFTER INSERT ON workflow.events FOR EACH ROW"
                    + " CALL \"" + RefuseSignalEvent.class.getName() + "\"");
            return;
        }
        sql().update("""
                CREATE FUNCTION workflow.test_refuse_signal() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.name = 'explode' THEN RAISE EXCEPTION 'refused by the test'; END IF;
                    RETURN NULL;
                END $$""");
        sql().update("CREATE CONSTRAINT TRIGGER test_refuse_signal AFTER INSERT ON workflow.signals"
                + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workflow.test_refuse_signal()");
    }

    private static void allowSignals() {
        if (db.isH2()) {
            sql().update("DROP TRIGGER workflow.test_refuse_signal");
            return;
        }
        sql().update("DROP TRIGGER test_refuse_signal ON workflow.signals");
        sql().update("DROP FUNCTION workflow.test_refuse_signal()");
    }

    /** The H2 trigger: refuses the event of a delivered or buffered signal {@code explode}. */
    public static final class RefuseSignalEvent implements Trigger {

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            // workflow.events: id, run_id, type, attempt, cursor_key, detail, at
            if (String.valueOf(newRow[2]).startsWith("signal_") && "explode".equals(newRow[5])) {
                throw new SQLException("refused by the test");
            }
        }
    }
}
