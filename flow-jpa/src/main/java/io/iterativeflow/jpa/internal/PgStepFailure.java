package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.StepFailure;
import io.iterativeflow.core.spi.WriteOutcome;
import java.time.Duration;

/** {@code recordStepFailure} on PostgreSQL: one fenced statement either way. */
final class PgStepFailure implements StepFailureStatement {

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

    private final String failed;

    PgStepFailure(boolean notifyProgress) {
        this.failed = notifyProgress ? FAILED_NOTIFYING : FAILED;
    }

    @Override
    public WriteOutcome record(Transactions tx, FlowClock clock, Fence fence, StepFailure failure, Duration lease) {
        return tx.autoCommitted(em -> {
            Duration retryAfter = failure.retryAfter().orElse(null);
            SqlCall call = SqlCall.of(em, retryAfter != null ? RETRY : failed).fence(fence).clock(clock)
                    .text("cursorKey", failure.cursorKey()).text("name", failure.name())
                    .text("kind", failure.kind()).integer("stepAttempts", failure.attempts())
                    .text("errorCode", failure.errorCode()).text("errorMessage", failure.errorMessage())
                    .integer("position", failure.position());
            if (retryAfter != null) {
                call.millis("retryMs", retryAfter).text("stepStatus", "retrying").text("eventType", "step_retrying")
                        .text("timerKey", StepFailures.retryTimerKey(failure));
            } else {
                call.millis("leaseMs", lease).text("stepStatus", "failed").text("eventType", "step_failed");
            }
            return call.one(row -> row.count("fenced")) == 0 ? WriteOutcome.LEASE_LOST : WriteOutcome.WRITTEN;
        });
    }
}
