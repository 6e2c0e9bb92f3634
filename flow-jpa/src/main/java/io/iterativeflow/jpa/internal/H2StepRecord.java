package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.RecordedStep;
import io.iterativeflow.core.spi.StepCompletion;
import io.iterativeflow.core.spi.WriteOutcome;
import java.time.Duration;

/**
 * {@code recordStep} on H2: fence, record once, event, each a statement; they need one transaction, so they ask
 * for one. No notification.
 */
final class H2StepRecord implements StepRecordStatement {

    /** The step recorded once; a completed record matches and is left as it is (0 rows). */
    private static final String STEP = """
            MERGE INTO workflow.steps st
            USING (VALUES 1) AS one (x) ON st.run_id = :runId AND st.cursor_key = :cursorKey
            WHEN MATCHED AND st.status <> 'completed' THEN UPDATE
                SET status = 'completed', attempts = :stepAttempts, result = %1$s, error_code = NULL,
                    error_message = NULL, position = :position, finished_at = %2$s
            WHEN NOT MATCHED THEN INSERT (run_id, cursor_key, name, kind, status, attempts, result, position,
                                          created_at, finished_at)
                VALUES (:runId, :cursorKey, :name, :kind, 'completed', :stepAttempts, %1$s, :position, %2$s, %2$s)
            """.formatted(H2Sql.json("result"), H2Sql.NOW);

    private static final String EVENT = "INSERT INTO workflow.events (run_id, type, attempt, cursor_key, at)"
            + " VALUES (:runId, 'step_completed', :attempt, :cursorKey, " + H2Sql.NOW + ")";

    @Override
    public RecordedStep record(Transactions tx, FlowClock clock, Fence fence, StepCompletion step, Duration lease) {
        return tx.inTransaction(em -> {
            int fenced = SqlCall.of(em, H2Sql.FENCE).fence(fence).clock(clock).millis("leaseMs", lease).update();
            if (fenced == 0) {
                return new RecordedStep(WriteOutcome.LEASE_LOST, null);
            }
            int written = SqlCall.of(em, STEP).uuid("runId", fence.runId()).clock(clock)
                    .text("cursorKey", step.cursorKey()).text("name", step.name()).text("kind", step.kind())
                    .integer("stepAttempts", step.attempts()).text("result", step.resultJson())
                    .integer("position", step.position())
                    .update();
            if (written == 0) {
                return new RecordedStep(WriteOutcome.WRITTEN, StepWrites.recorded(em, fence, step));
            }
            SqlCall.of(em, EVENT).uuid("runId", fence.runId()).integer("attempt", fence.attempt()).clock(clock)
                    .text("cursorKey", step.cursorKey()).update();
            return new RecordedStep(WriteOutcome.WRITTEN, step.resultJson());
        });
    }
}
