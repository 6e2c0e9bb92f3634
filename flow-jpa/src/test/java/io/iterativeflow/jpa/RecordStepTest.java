package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.RecordedStep;
import io.iterativeflow.core.spi.StepCompletion;
import io.iterativeflow.core.spi.StepFailure;
import io.iterativeflow.core.spi.WriteOutcome;
import io.iterativeflow.jpa.testing.JsonText;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordStepTest extends StoreTestBase {

    /** Real time that passes between two statements of a test. */
    private static final Duration SLACK = Duration.ofSeconds(2);

    @Test
    void a_step_is_recorded_with_its_event_and_its_value_returned() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));

        RecordedStep recorded = store.recordStep(run.fence(),
                new StepCompletion("charge", "charge", "step", 1, "{\"paid\": true}", 0));

        assertThat(recorded).isEqualTo(new RecordedStep(WriteOutcome.WRITTEN, "{\"paid\": true}"));
        Map<String, Object> row = sql().row("SELECT name, kind, status, attempts, result::text AS result, position"
                + " FROM workflow.steps WHERE run_id = ? AND cursor_key = 'charge'", run.runId());
        assertThat(row).containsEntry("name", "charge").containsEntry("kind", "step")
                .containsEntry("status", "completed").containsEntry("attempts", 1)
                .containsEntry("position", 0);
        assertThat(JsonText.value(row.get("result"))).isEqualTo(JsonText.value("{\"paid\": true}"));
        assertThat(eventTypes(run.runId())).containsExactly("created", "claimed", "step_completed");
    }

    @Test
    void recording_a_step_twice_keeps_and_returns_the_first_value() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));
        store.recordStep(run.fence(), new StepCompletion("charge", "charge", "step", 1, "\"first\"", 0));

        RecordedStep second = store.recordStep(run.fence(),
                new StepCompletion("charge", "charge", "step", 2, "\"second\"", 0));

        assertThat(second).isEqualTo(new RecordedStep(WriteOutcome.WRITTEN, "\"first\""));
        assertThat(sql().row("SELECT result::text AS result, attempts FROM workflow.steps WHERE cursor_key ="
                + " 'charge'")).containsEntry("result", "\"first\"").containsEntry("attempts", 1);
        assertThat(sql().count("SELECT count(*) FROM workflow.events WHERE type = 'step_completed'")).isEqualTo(1);
    }

    @Test
    void a_null_result_is_recorded_as_sql_null_and_kept() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));
        store.recordStep(run.fence(), new StepCompletion("notify", "notify", "step", 1, null, 0));

        RecordedStep again = store.recordStep(run.fence(), new StepCompletion("notify", "notify", "step", 1,
                "\"late\"", 0));

        assertThat(again).isEqualTo(new RecordedStep(WriteOutcome.WRITTEN, null));
    }

    @Test
    void a_step_that_failed_before_is_completed_by_a_later_success() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));
        store.recordStepFailure(run.fence(), new StepFailure("charge", "charge", "step", 1, "STEP_FAILED", "503",
                0, Optional.empty()));

        RecordedStep recorded = store.recordStep(run.fence(),
                new StepCompletion("charge", "charge", "step", 2, "\"ok\"", 0));

        assertThat(recorded).isEqualTo(new RecordedStep(WriteOutcome.WRITTEN, "\"ok\""));
        assertThat(sql().row("SELECT status, attempts, error_code, result::text AS result FROM workflow.steps"))
                .containsEntry("status", "completed").containsEntry("attempts", 2)
                .containsEntry("error_code", null).containsEntry("result", "\"ok\"");
    }

    @Test
    void recording_renews_the_lease_once_half_of_it_has_passed() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));
        Instant firstExpiry = leaseExpiry(run);

        clock.advance(LEASE.dividedBy(4));
        store.recordStep(run.fence(), new StepCompletion("a", "a", "step", 1, "1", 0));
        assertThat(leaseExpiry(run)).as("a quarter passed: unchanged").isEqualTo(firstExpiry);

        clock.advance(LEASE.dividedBy(2));
        store.recordStep(run.fence(), new StepCompletion("b", "b", "step", 1, "1", 1));
        Instant renewedFrom = run.claimedAt().plus(LEASE.dividedBy(4).multipliedBy(3));
        assertThat(leaseExpiry(run)).as("three quarters passed: renewed")
                .isBetween(renewedFrom.plus(LEASE), renewedFrom.plus(LEASE).plus(SLACK));
    }

    @Test
    void a_lease_renewing_write_uses_the_lease_the_owner_claimed_with() {
        store.createRun(Runs.run("orders"));
        Duration shortLease = Duration.ofSeconds(4);
        ClaimedRun run = store.claim("short-lease-owner", 1, shortLease).get(0);

        clock.advance(Duration.ofSeconds(3));
        store.recordStep(run.fence(), new StepCompletion("a", "a", "step", 1, "1", 0));

        Instant renewedFrom = run.claimedAt().plus(Duration.ofSeconds(3));
        assertThat(leaseExpiry(run)).isBetween(renewedFrom.plus(shortLease),
                renewedFrom.plus(shortLease).plus(SLACK));
    }

    private static Instant leaseExpiry(ClaimedRun run) {
        return (Instant) sql().value("SELECT lease_expires_at FROM workflow.runs WHERE id = ?", run.runId());
    }
}
