package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.StepFailure;
import io.iterativeflow.core.spi.WriteOutcome;
import jakarta.persistence.EntityManager;
import java.time.Duration;

/**
 * {@code recordStepFailure}, one fenced statement either way. With a retry delay: the step is {@code retrying}, a
 * {@code retry} timer is written and the run waits ({@code retrying}, lease released) until the timer is due.
 * Without: the step is {@code failed} for good and the run keeps running (lease renewed).
 */
public final class StepFailures {

    /** Upserts the step row with status {@code :stepStatus}, never over a completed one. */
    private static final String STEP = """
            s AS (
                INSERT INTO workflow.steps AS st (run_id, cursor_key, name, kind, status, attempts, error_code,
                                                  error_message, position, created_at, finished_at)
                SELECT id, :cursorKey, :name, :kind, :stepStatus, :stepAttempts, :errorCode, :errorMessage,
                       :position, %1$s, %2$s
                FROM f
                ON CONFLICT (run_id, cursor_key) DO UPDATE
                SET status = EXCLUDED.status, attempts = EXCLUDED.attempts, error_code = EXCLUDED.error_code,
                    error_message = EXCLUDED.error_message, position = EXCLUDED.position,
                    finished_at = EXCLUDED.finished_at
                WHERE st.status <> 'completed'
            ), e AS (
                INSERT INTO workflow.events (run_id, type, attempt, cursor_key, detail, at)
                SELECT id, :eventType, :attempt, :cursorKey, :errorCode, %1$s FROM f
            )""";

    private static final String RETRY = """
            WITH f AS (
                UPDATE workflow.runs
                SET status = 'retrying', available_at = %1$s, lease_owner = NULL, lease_expires_at = NULL,
                    suspensions = suspensions + 1, updated_at = %2$s
                WHERE %3$s
                RETURNING id, available_at
            ), t AS (
                INSERT INTO workflow.timers (run_id, cursor_key, kind, due_at, created_at)
                SELECT id, :timerKey, 'retry', available_at, %2$s FROM f
                ON CONFLICT (run_id, cursor_key) DO NOTHING
            ), %4$s
            SELECT count(*) AS fenced FROM f
            """.formatted(Sql.nowPlus("retryMs"), Sql.NOW, Sql.FENCED, STEP.formatted(Sql.NOW, "NULL"));

    private static final String FAILED_TEMPLATE = """
            WITH f AS (
                UPDATE workflow.runs SET updated_at = %1$s, lease_expires_at = %2$s
                WHERE %3$s
                RETURNING id
            ), %4$s, n AS (
                %5$s
            )
            SELECT count(*) AS fenced, %6$s FROM f
            """;
    private static final String FAILED_NOTIFYING = FAILED_TEMPLATE.formatted(Sql.NOW, Sql.RENEWED_LEASE, Sql.FENCED,
            STEP.formatted(Sql.NOW, Sql.NOW), Notify.progress("id", ":cursorKey", "f"), Notify.NOTIFIED);
    private static final String FAILED = FAILED_TEMPLATE.formatted(Sql.NOW, Sql.RENEWED_LEASE, Sql.FENCED,
            STEP.formatted(Sql.NOW, Sql.NOW), Notify.NONE, Notify.NOTIFIED);

    /** H2: the fence of a retry; the run waits, lease released, its row locked until the commit. */
    private static final String H2_RETRY = """
            UPDATE workflow.runs
            SET status = 'retrying', available_at = %s, lease_owner = NULL, lease_expires_at = NULL,
                suspensions = suspensions + 1, updated_at = %s
            WHERE %s
            """.formatted(H2Sql.nowPlus("retryMs"), H2Sql.NOW, Sql.FENCED);

    /** H2: the retry timer, due when the run becomes claimable again; once per key. */
    private static final String H2_RETRY_TIMER = """
            INSERT INTO workflow.timers (run_id, cursor_key, kind, due_at, created_at)
            SELECT id, :timerKey, 'retry', available_at, %s FROM workflow.runs r
            WHERE id = :runId
              AND NOT EXISTS (SELECT 1 FROM workflow.timers t WHERE t.run_id = r.id AND t.cursor_key = :timerKey)
            """.formatted(H2Sql.NOW);

    /** H2: {@link #STEP}'s upsert, never over a completed record ({@code %s}: the finished time). */
    private static final String H2_STEP = """
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
    private static final String H2_STEP_RETRYING = H2_STEP.formatted(H2Sql.NOW,
            "CAST(NULL AS TIMESTAMP WITH TIME ZONE)");
    private static final String H2_STEP_FAILED = H2_STEP.formatted(H2Sql.NOW, H2Sql.NOW);

    private static final String H2_EVENT = "INSERT INTO workflow.events (run_id, type, attempt, cursor_key, detail, at)"
            + " VALUES (:runId, :eventType, :attempt, :cursorKey, :errorCode, " + H2Sql.NOW + ")";

    private final Transactions tx;
    private final FlowClock clock;
    private final Leases leases;
    private final String failed;

    public StepFailures(Transactions tx, FlowClock clock, Leases leases, boolean notifyProgress) {
        this.tx = tx;
        this.clock = clock;
        this.leases = leases;
        this.failed = notifyProgress ? FAILED_NOTIFYING : FAILED;
    }

    public WriteOutcome record(Fence fence, StepFailure failure) {
        if (tx.dialect() == Dialect.H2) {
            return tx.autoCommitted(em -> recordH2(em, fence, failure));
        }
        return tx.autoCommitted(em -> {
            Duration retryAfter = failure.retryAfter().orElse(null);
            SqlCall call = SqlCall.of(em, retryAfter != null ? RETRY : failed).fence(fence).clock(clock)
                    .text("cursorKey", failure.cursorKey()).text("name", failure.name())
                    .text("kind", failure.kind()).integer("stepAttempts", failure.attempts())
                    .text("errorCode", failure.errorCode()).text("errorMessage", failure.errorMessage())
                    .integer("position", failure.position());
            if (retryAfter != null) {
                call.millis("retryMs", retryAfter).text("stepStatus", "retrying").text("eventType", "step_retrying")
                        .text("timerKey", retryTimerKey(failure));
            } else {
                call.millis("leaseMs", leases.of(fence.owner())).text("stepStatus", "failed")
                        .text("eventType", "step_failed");
            }
            Object[] row = call.column("fenced", Long.class).row();
            return (Long) row[0] == 0 ? WriteOutcome.LEASE_LOST : WriteOutcome.WRITTEN;
        });
    }

    /** H2: fence (with the run's move to {@code retrying} and its timer), step, event; no notification. */
    private WriteOutcome recordH2(EntityManager em, Fence fence, StepFailure failure) {
        Duration retryAfter = failure.retryAfter().orElse(null);
        int fenced = retryAfter != null
                ? SqlCall.of(em, H2_RETRY).fence(fence).clock(clock).millis("retryMs", retryAfter).update()
                : SqlCall.of(em, H2Sql.FENCE).fence(fence).clock(clock)
                        .millis("leaseMs", leases.of(fence.owner())).update();
        if (fenced == 0) {
            return WriteOutcome.LEASE_LOST;
        }
        if (retryAfter != null) {
            SqlCall.of(em, H2_RETRY_TIMER).uuid("runId", fence.runId()).text("timerKey", retryTimerKey(failure))
                    .clock(clock).update();
        }
        SqlCall.of(em, retryAfter != null ? H2_STEP_RETRYING : H2_STEP_FAILED).uuid("runId", fence.runId())
                .clock(clock)
                .text("cursorKey", failure.cursorKey()).text("name", failure.name()).text("kind", failure.kind())
                .text("stepStatus", retryAfter != null ? "retrying" : "failed")
                .integer("stepAttempts", failure.attempts()).text("errorCode", failure.errorCode())
                .text("errorMessage", failure.errorMessage()).integer("position", failure.position())
                .update();
        SqlCall.of(em, H2_EVENT).uuid("runId", fence.runId()).integer("attempt", fence.attempt()).clock(clock)
                .text("eventType", retryAfter != null ? "step_retrying" : "step_failed")
                .text("cursorKey", failure.cursorKey()).text("errorCode", failure.errorCode())
                .update();
        return WriteOutcome.WRITTEN;
    }

    /** One retry timer per try, so every back-off stays in the record. */
    static String retryTimerKey(StepFailure failure) {
        return failure.cursorKey() + "#retry" + failure.attempts();
    }
}
