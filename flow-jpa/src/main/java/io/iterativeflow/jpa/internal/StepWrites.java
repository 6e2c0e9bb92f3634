package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.RecordedStep;
import io.iterativeflow.core.spi.StepCompletion;
import io.iterativeflow.core.spi.WriteOutcome;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * {@code recordStep}: one statement fences the attempt (renewing its lease), records the result once and writes the
 * event; one round trip, one commit. A completed record is never overwritten: on conflict the recorded value wins.
 */
public final class StepWrites {

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

    /** H2: the step recorded once; a completed record matches and is left as it is (0 rows). */
    private static final String H2_STEP = """
            MERGE INTO workflow.steps st
            USING (VALUES 1) AS one (x) ON st.run_id = :runId AND st.cursor_key = :cursorKey
            WHEN MATCHED AND st.status <> 'completed' THEN UPDATE
                SET status = 'completed', attempts = :stepAttempts, result = %1$s, error_code = NULL,
                    error_message = NULL, position = :position, finished_at = %2$s
            WHEN NOT MATCHED THEN INSERT (run_id, cursor_key, name, kind, status, attempts, result, position,
                                          created_at, finished_at)
                VALUES (:runId, :cursorKey, :name, :kind, 'completed', :stepAttempts, %1$s, :position, %2$s, %2$s)
            """.formatted(H2Sql.json("result"), H2Sql.NOW);

    private static final String H2_EVENT = "INSERT INTO workflow.events (run_id, type, attempt, cursor_key, at)"
            + " VALUES (:runId, 'step_completed', :attempt, :cursorKey, " + H2Sql.NOW + ")";

    private static final String RECORDED = "SELECT s.result FROM FlowStep s WHERE s.runId = :runId"
            + " AND s.cursorKey = :cursorKey AND s.status = 'completed'";

    private final Transactions tx;
    private final FlowClock clock;
    private final Leases leases;
    private final String record;

    public StepWrites(Transactions tx, FlowClock clock, Leases leases, boolean notifyProgress) {
        this.tx = tx;
        this.clock = clock;
        this.leases = leases;
        this.record = notifyProgress ? RECORD_NOTIFYING : RECORD;
    }

    public RecordedStep record(Fence fence, StepCompletion step) {
        if (tx.dialect() == Dialect.H2) {
            return tx.autoCommitted(em -> recordH2(em, fence, step));
        }
        return tx.autoCommitted(em -> {
            Object[] row = SqlCall.of(em, record).fence(fence).clock(clock)
                    .millis("leaseMs", leases.of(fence.owner()))
                    .text("cursorKey", step.cursorKey()).text("name", step.name()).text("kind", step.kind())
                    .integer("stepAttempts", step.attempts()).text("result", step.resultJson())
                    .integer("position", step.position())
                    .column("fenced", Long.class).column("written", Long.class).column("found", Long.class)
                    .column("recorded", String.class)
                    .row();
            if ((Long) row[0] == 0) {
                return new RecordedStep(WriteOutcome.LEASE_LOST, null);
            }
            if ((Long) row[1] == 1) {
                return new RecordedStep(WriteOutcome.WRITTEN, step.resultJson());
            }
            if ((Long) row[2] == 1) {
                return new RecordedStep(WriteOutcome.WRITTEN, (String) row[3]);
            }
            return new RecordedStep(WriteOutcome.WRITTEN, recorded(em, fence, step));
        });
    }

    /** H2: fence, record once, event, each a statement of one transaction; no notification. */
    private RecordedStep recordH2(EntityManager em, Fence fence, StepCompletion step) {
        int fenced = SqlCall.of(em, H2Sql.FENCE).fence(fence).clock(clock)
                .millis("leaseMs", leases.of(fence.owner())).update();
        if (fenced == 0) {
            return new RecordedStep(WriteOutcome.LEASE_LOST, null);
        }
        int written = SqlCall.of(em, H2_STEP).uuid("runId", fence.runId()).clock(clock)
                .text("cursorKey", step.cursorKey()).text("name", step.name()).text("kind", step.kind())
                .integer("stepAttempts", step.attempts()).text("result", step.resultJson())
                .integer("position", step.position())
                .update();
        if (written == 0) {
            return new RecordedStep(WriteOutcome.WRITTEN, recorded(em, fence, step));
        }
        SqlCall.of(em, H2_EVENT).uuid("runId", fence.runId()).integer("attempt", fence.attempt()).clock(clock)
                .text("cursorKey", step.cursorKey()).update();
        return new RecordedStep(WriteOutcome.WRITTEN, step.resultJson());
    }

    /** The statement's snapshot predates a record committed while it waited on the conflict; read it anew. */
    private static String recorded(EntityManager em, Fence fence, StepCompletion step) {
        List<String> values = em.createQuery(RECORDED, String.class)
                .setParameter("runId", fence.runId())
                .setParameter("cursorKey", step.cursorKey())
                .getResultList();
        if (values.isEmpty()) {
            throw new IllegalStateException("step " + step.cursorKey() + " of run " + fence.runId()
                    + " was neither recorded nor found");
        }
        return values.get(0);
    }
}
