package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.RecordedStep;
import io.iterativeflow.core.spi.StepCompletion;
import io.iterativeflow.core.spi.WriteOutcome;
import java.sql.SQLException;
import java.time.Duration;

/** {@code recordStep} on PostgreSQL: one statement fences, records once and writes the event; one round trip. */
final class PgStepRecord implements StepRecordStatement {

    private static final String TEMPLATE = """
            WITH f AS (
                UPDATE workflow.runs SET updated_at = %1$s, lease_expires_at = %2$s
                WHERE %3$s
                RETURNING id
            ), s AS (
                INSERT INTO workflow.steps AS st (run_id, cursor_key, name, kind, status, attempts, result, position,
                                                  created_at, finished_at)
                SELECT id, :cursorKey, :name, :kind, 'completed', :stepAttempts, CAST(:result AS jsonb), :position,
                       %1$s, %1$s
                FROM f
                ON CONFLICT (run_id, cursor_key) DO UPDATE
                SET status = 'completed', attempts = EXCLUDED.attempts, result = EXCLUDED.result, error_code = NULL,
                    error_message = NULL, position = EXCLUDED.position, finished_at = EXCLUDED.finished_at
                WHERE st.status <> 'completed'
                RETURNING cursor_key
            ), e AS (
                INSERT INTO workflow.events (run_id, type, attempt, cursor_key, at)
                SELECT :runId, 'step_completed', :attempt, cursor_key, %1$s FROM s
            ), n AS (
                %4$s
            )
            SELECT (SELECT count(*) FROM f) AS fenced, (SELECT count(*) FROM s) AS written, %5$s,
                   (SELECT count(*) FROM workflow.steps
                    WHERE run_id = :runId AND cursor_key = :cursorKey AND status = 'completed') AS found,
                   (SELECT CAST(result AS text) FROM workflow.steps
                    WHERE run_id = :runId AND cursor_key = :cursorKey AND status = 'completed') AS recorded
            """;

    /** With a {@code flow_progress} notification per recorded step (for step waiters on other instances). */
    private static final String RECORD_NOTIFYING = TEMPLATE.formatted(Sql.NOW, Sql.RENEWED_LEASE, Sql.FENCED,
            Notify.progress(":runId", "cursor_key", "s"), Notify.NOTIFIED);

    /** Without it: commits that notify are serialized by PostgreSQL, which the hot path should not pay for. */
    private static final String RECORD = TEMPLATE.formatted(Sql.NOW, Sql.RENEWED_LEASE, Sql.FENCED, Notify.NONE,
            Notify.NOTIFIED);

    private final String record;

    PgStepRecord(boolean notifyProgress) {
        this.record = notifyProgress ? RECORD_NOTIFYING : RECORD;
    }

    @Override
    public RecordedStep record(Transactions tx, FlowClock clock, Fence fence, StepCompletion step, Duration lease) {
        return tx.autoCommitted(em -> {
            Written row = SqlCall.of(em, record).fence(fence).clock(clock).millis("leaseMs", lease)
                    .text("cursorKey", step.cursorKey()).text("name", step.name()).text("kind", step.kind())
                    .integer("stepAttempts", step.attempts()).text("result", step.resultJson())
                    .integer("position", step.position())
                    .one(Written::read);
            if (row.fenced() == 0) {
                return new RecordedStep(WriteOutcome.LEASE_LOST, null);
            }
            if (row.written() == 1) {
                return new RecordedStep(WriteOutcome.WRITTEN, step.resultJson());
            }
            if (row.found() == 1) {
                return new RecordedStep(WriteOutcome.WRITTEN, row.recorded());
            }
            return new RecordedStep(WriteOutcome.WRITTEN, StepWrites.recorded(em, fence, step));
        });
    }

    /** What the statement did, and the completed record it saw (when it did not write one). */
    private record Written(long fenced, long written, long found, String recorded) {

        static Written read(SqlCall.Row row) throws SQLException {
            return new Written(row.count("fenced"), row.count("written"), row.count("found"), row.text("recorded"));
        }
    }
}
