package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.StepFailure;
import io.iterativeflow.core.spi.WriteOutcome;
import java.time.Duration;

/**
 * {@code recordStepFailure} on H2: fence (with the run's move to {@code retrying} and its timer), step, event, each a
 * statement; they need one transaction, so they ask for one. No notification.
 */
final class H2StepFailure implements StepFailureStatement {

    /** The fence of a retry; the run waits, lease released, its row locked until the commit. */
    private static final String RETRY = """
            UPDATE workflow.runs
            SET status = 'retrying', available_at = %s, lease_owner = NULL, lease_expires_at = NULL,
                suspensions = suspensions + 1, updated_at = %s
            WHERE %s
            """.formatted(H2Sql.nowPlus("retryMs"), H2Sql.NOW, Sql.FENCED);

    /** The retry timer, due when the run becomes claimable again; once per key. */
    private static final String RETRY_TIMER = """
            INSERT INTO workflow.timers (run_id, cursor_key, kind, due_at, created_at)
            SELECT id, :timerKey, 'retry', available_at, %s FROM workflow.runs r
            WHERE id = :runId
              AND NOT EXISTS (SELECT 1 FROM workflow.timers t WHERE t.run_id = r.id AND t.cursor_key = :timerKey)
            """.formatted(H2Sql.NOW);

    /** The step's upsert, never over a completed record ({@code %2$s}: the finished time). */
    private static final String STEP = """
            MERGE INTO workflow.steps st
            USING (VALUES 1) AS one (x) ON st.run_id = :runId AND st.cursor_key = :cursorKey
            WHEN MATCHED AND st.status <> 'completed' THEN UPDATE
                SET status = :stepStatus, attempts = :stepAttempts, error_code = :errorCode,
                    error_message = :errorMessage, position = :position, finished_at = %2$s
            WHEN NOT MATCHED THEN INSERT (run_id, cursor_key, name, kind, status, attempts, error_code,
                                          error_message, position, created_at, finished_at)
                VALUES (:runId, :cursorKey, :name, :kind, :stepStatus, :stepAttempts, :errorCode, :errorMessage,
                        :position, %1$s, %2$s)
            """;
    private static final String STEP_RETRYING = STEP.formatted(H2Sql.NOW, "CAST(NULL AS TIMESTAMP WITH TIME ZONE)");
    private static final String STEP_FAILED = STEP.formatted(H2Sql.NOW, H2Sql.NOW);

    private static final String EVENT = "INSERT INTO workflow.events (run_id, type, attempt, cursor_key, detail, at)"
            + " VALUES (:runId, :eventType, :attempt, :cursorKey, :errorCode, " + H2Sql.NOW + ")";

    @Override
    public WriteOutcome record(Transactions tx, FlowClock clock, Fence fence, StepFailure failure, Duration lease) {
        return tx.inTransaction(em -> {
            Duration retryAfter = failure.retryAfter().orElse(null);
            int fenced = retryAfter != null
                    ? SqlCall.of(em, RETRY).fence(fence).clock(clock).millis("retryMs", retryAfter).update()
                    : SqlCall.of(em, H2Sql.FENCE).fence(fence).clock(clock).millis("leaseMs", lease).update();
            if (fenced == 0) {
                return WriteOutcome.LEASE_LOST;
            }
            if (retryAfter != null) {
                SqlCall.of(em, RETRY_TIMER).uuid("runId", fence.runId())
                        .text("timerKey", StepFailures.retryTimerKey(failure)).clock(clock).update();
            }
            SqlCall.of(em, retryAfter != null ? STEP_RETRYING : STEP_FAILED).uuid("runId", fence.runId())
                    .clock(clock)
                    .text("cursorKey", failure.cursorKey()).text("name", failure.name()).text("kind", failure.kind())
                    .text("stepStatus", retryAfter != null ? "retrying" : "failed")
                    .integer("stepAttempts", failure.attempts()).text("errorCode", failure.errorCode())
                    .text("errorMessage", failure.errorMessage()).integer("position", failure.position())
                    .update();
            SqlCall.of(em, EVENT).uuid("runId", fence.runId()).integer("attempt", fence.attempt()).clock(clock)
                    .text("eventType", retryAfter != null ? "step_retrying" : "step_failed")
                    .text("cursorKey", failure.cursorKey()).text("errorCode", failure.errorCode())
                    .update();
            return WriteOutcome.WRITTEN;
        });
    }
}
