package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.StepFailure;
import io.iterativeflow.core.spi.WriteOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StepFailureTest extends StoreTestBase {

    private static final Duration BACKOFF = Duration.ofSeconds(20);

    @Test
    void a_failure_with_a_retry_delay_parks_the_run_until_the_retry_timer_is_due() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));

        WriteOutcome outcome = store.recordStepFailure(run.fence(), new StepFailure("charge", "charge", "step", 1,
                "STEP_FAILED", "gateway down", 0, Optional.of(BACKOFF)));

        assertThat(outcome).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(sql().row("SELECT status, attempts, error_code, error_message, result FROM workflow.steps"))
                .containsEntry("status", "retrying").containsEntry("attempts", 1)
                .containsEntry("error_code", "STEP_FAILED").containsEntry("error_message", "gateway down")
                .containsEntry("result", null);
        Map<String, Object> runRow = sql().row("SELECT status, lease_owner, lease_expires_at, available_at"
                + " FROM workflow.runs");
        assertThat(runRow).containsEntry("status", "retrying").containsEntry("lease_owner", null)
                .containsEntry("lease_expires_at", null);
        Instant due = (Instant) runRow.get("available_at");
        assertThat(due).isBetween(run.claimedAt().plus(BACKOFF), run.claimedAt().plus(BACKOFF).plusSeconds(2));
        assertThat(sql().row("SELECT cursor_key, kind, due_at, fired_at FROM workflow.timers"))
                .containsEntry("cursor_key", "charge#retry1").containsEntry("kind", "retry")
                .containsEntry("due_at", due).containsEntry("fired_at", null);
        assertThat(eventTypes(run.runId())).containsExactly("created", "claimed", "step_retrying");

        clock.advance(BACKOFF.minusSeconds(5));
        assertThat(store.claim(OWNER, 1, LEASE)).isEmpty();
        clock.advance(Duration.ofSeconds(5));
        assertThat(store.claim(OWNER, 1, LEASE)).extracting(ClaimedRun::attempt).containsExactly(2);
    }

    @Test
    void a_failure_without_retry_marks_the_step_failed_and_the_run_keeps_running() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));

        WriteOutcome outcome = store.recordStepFailure(run.fence(), new StepFailure("charge", "charge", "step", 3,
                "STEP_FAILED", "card declined", 0, Optional.empty()));

        assertThat(outcome).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(sql().row("SELECT status, attempts, error_message, finished_at IS NOT NULL AS finished"
                + " FROM workflow.steps")).containsEntry("status", "failed").containsEntry("attempts", 3)
                .containsEntry("error_message", "card declined").containsEntry("finished", true);
        assertThat(sql().row("SELECT status, lease_owner FROM workflow.runs")).containsEntry("status", "running")
                .containsEntry("lease_owner", OWNER);
        assertThat(sql().count("SELECT count(*) FROM workflow.timers")).isZero();
        assertThat(eventTypes(run.runId())).containsExactly("created", "claimed", "step_failed");
        assertThat(store.complete(run.fence(), null)).isEqualTo(WriteOutcome.WRITTEN);
    }

    @Test
    void a_failure_never_overwrites_a_completed_step() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));
        store.recordStep(run.fence(), new io.iterativeflow.core.spi.StepCompletion("charge", "charge", "step", 1,
                "\"paid\"", 0));

        store.recordStepFailure(run.fence(), new StepFailure("charge", "charge", "step", 2, "STEP_FAILED", "x", 0,
                Optional.empty()));

        assertThat(sql().row("SELECT status, result::text AS result FROM workflow.steps"))
                .containsEntry("status", "completed").containsEntry("result", "\"paid\"");
    }
}
