package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.StepCompletion;
import io.iterativeflow.core.spi.WriteOutcome;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CancelTest extends StoreTestBase {

    @Test
    void a_pending_run_is_canceled_with_its_reason() {
        UUID id = store.createRun(Runs.run("orders")).runId();

        assertThat(store.cancel(id, "customer asked")).contains(true);

        assertThat(sql().row("SELECT status, cancel_reason, error_code, finished_at IS NOT NULL AS finished"
                + " FROM workflow.runs")).containsEntry("status", "canceled")
                .containsEntry("cancel_reason", "customer asked").containsEntry("error_code", "RUN_CANCELED")
                .containsEntry("finished", true);
        assertThat(eventTypes(id)).containsExactly("created", "canceled");
        assertThat(store.claim(OWNER, 1, LEASE)).isEmpty();
    }

    @Test
    void an_unknown_run_cannot_be_canceled() {
        assertThat(store.cancel(UUID.randomUUID(), "x")).isEmpty();
    }

    @Test
    void cancel_after_complete_returns_false_and_changes_nothing() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));
        store.complete(run.fence(), "\"done\"");
        Map<String, Object> before = row(run.runId());

        assertThat(store.cancel(run.runId(), "too late")).contains(false);

        assertThat(row(run.runId())).isEqualTo(before);
        assertThat(eventTypes(run.runId())).containsExactly("created", "claimed", "completed");
    }

    @Test
    void complete_after_cancel_is_a_lost_lease() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));
        store.cancel(run.runId(), "stop");

        assertThat(store.complete(run.fence(), "\"done\"")).isEqualTo(WriteOutcome.LEASE_LOST);
        assertThat(store.recordStep(run.fence(), new StepCompletion("a", "a", "step", 1, "1", 0)).outcome())
                .isEqualTo(WriteOutcome.LEASE_LOST);
        assertThat(store.fail(run.fence(), "FLOW_FAILED", "x")).isEqualTo(WriteOutcome.LEASE_LOST);
        assertThat(status(run.runId())).isEqualTo("canceled");
    }

    @Test
    void a_failed_run_stays_failed() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));
        store.fail(run.fence(), "FLOW_FAILED", "boom");

        assertThat(store.cancel(run.runId(), "x")).contains(false);
        assertThat(sql().row("SELECT status, error_code, error_message FROM workflow.runs"))
                .containsEntry("status", "failed").containsEntry("error_code", "FLOW_FAILED")
                .containsEntry("error_message", "boom");
    }

    private static Map<String, Object> row(UUID id) {
        return sql().row("SELECT status, CAST(output AS VARCHAR) AS output, error_code, cancel_reason, finished_at,"
                + " updated_at FROM workflow.runs WHERE id = ?", id);
    }
}
