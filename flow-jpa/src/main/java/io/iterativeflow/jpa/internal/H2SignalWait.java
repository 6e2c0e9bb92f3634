package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;

/** A signal wait's writes on H2: several statements each, in the caller's transaction. */
final class H2SignalWait implements SignalWaitStatements {

    private static final String CONSUME_SIGNAL = """
            UPDATE workflow.signals SET status = 'consumed', cursor_key = :cursorKey, consumed_at = %s
            WHERE id = CAST(:signalId AS BIGINT)
            """.formatted(H2Sql.NOW);

    private static final String DELETE_TIMER = """
            DELETE FROM workflow.timers WHERE run_id = :runId AND cursor_key = :cursorKey
            """;

    private static final String RECEIVED_STEP = """
            INSERT INTO workflow.steps (run_id, cursor_key, name, kind, status, attempts, result, position,
                                        created_at, finished_at)
            VALUES (:runId, :cursorKey, :name, 'signal', 'completed', 1, %1$s, :position, %2$s, %2$s)
            """.formatted(H2Sql.json("payload"), H2Sql.NOW);

    private static final String FIRE_TIMER = """
            UPDATE workflow.timers SET fired_at = COALESCE(fired_at, %s)
            WHERE run_id = :runId AND cursor_key = :cursorKey
            """.formatted(H2Sql.NOW);

    private static final String TIMED_OUT_STEP = """
            INSERT INTO workflow.steps (run_id, cursor_key, name, kind, status, attempts, error_code, error_message,
                                        position, created_at, finished_at)
            VALUES (:runId, :cursorKey, :name, 'signal', 'failed', 1, 'SIGNAL_TIMEOUT',
                    'no signal arrived before the timeout', :position, %1$s, %1$s)
            """.formatted(H2Sql.NOW);

    /** The run goes on running (lease renewed) and forgets its wait. */
    private static final String RESOLVED_RUN = """
            UPDATE workflow.runs SET updated_at = %s, lease_expires_at = %s, wait_kind = NULL, wait_key = NULL
            WHERE id = :runId
            """.formatted(H2Sql.NOW, H2Sql.RENEWED_LEASE);

    private static final String RESOLVED_EVENT = """
            INSERT INTO workflow.events (run_id, type, attempt, cursor_key, detail, at)
            VALUES (:runId, :eventType, :attempt, :cursorKey, :name, %s)
            """.formatted(H2Sql.NOW);

    private static final String SUSPEND = """
            SELECT available_at FROM FINAL TABLE (
                UPDATE workflow.runs
                SET status = 'awaiting_signal', wait_kind = 'signal', wait_key = :cursorKey,
                    available_at = COALESCE(CAST(:dueAt AS TIMESTAMP WITH TIME ZONE),
                                            CASE WHEN :hasTimeout = 1 THEN %1$s END, %2$s),
                    lease_owner = NULL, lease_expires_at = NULL, suspensions = suspensions + 1, updated_at = %3$s
                WHERE id = :runId
            )
            """.formatted(H2Sql.nowPlus("timeoutMs"), SignalSql.H2_NEVER, H2Sql.NOW);

    /** The run's row is locked, so no other transaction adds this timer between the look and the insert. */
    private static final String TIMEOUT_TIMER = """
            INSERT INTO workflow.timers (run_id, cursor_key, kind, due_at, created_at)
            SELECT id, :cursorKey, 'signal_timeout', available_at, %s FROM workflow.runs
            WHERE id = :runId AND NOT EXISTS (SELECT 1 FROM workflow.timers t
                                              WHERE t.run_id = :runId AND t.cursor_key = :cursorKey)
            """.formatted(H2Sql.NOW);

    private static final String SUSPEND_EVENT = """
            INSERT INTO workflow.events (run_id, type, attempt, cursor_key, detail, at)
            VALUES (:runId, 'awaiting_signal', :attempt, :cursorKey, :name, %s)
            """.formatted(H2Sql.NOW);

    @Override
    public long consume(EntityManager em, FlowClock clock, Fence fence, Wait wait, long signalId, String payload) {
        SqlCall.of(em, CONSUME_SIGNAL).text("cursorKey", wait.cursorKey())
                .text("signalId", String.valueOf(signalId)).clock(clock).update();
        SqlCall.of(em, DELETE_TIMER).uuid("runId", fence.runId()).text("cursorKey", wait.cursorKey()).update();
        int recorded = step(em, clock, RECEIVED_STEP, fence, wait).text("payload", payload).update();
        resolved(em, clock, fence, wait, "signal_consumed");
        return recorded;
    }

    @Override
    public long timeOut(EntityManager em, FlowClock clock, Fence fence, Wait wait) {
        SqlCall.of(em, FIRE_TIMER).uuid("runId", fence.runId()).text("cursorKey", wait.cursorKey()).clock(clock)
                .update();
        int recorded = step(em, clock, TIMED_OUT_STEP, fence, wait).update();
        resolved(em, clock, fence, wait, "signal_timeout");
        return recorded;
    }

    @Override
    public Instant suspend(EntityManager em, FlowClock clock, Fence fence, Wait wait, boolean timed,
            Duration timeout, Instant recordedDue) {
        Instant due = SqlCall.of(em, SUSPEND).uuid("runId", fence.runId()).text("cursorKey", wait.cursorKey())
                .instant("dueAt", recordedDue).integer("hasTimeout", timed ? 1 : 0).millis("timeoutMs", timeout)
                .clock(clock).one(row -> row.instant("available_at"));
        if (timed) {
            SqlCall.of(em, TIMEOUT_TIMER).uuid("runId", fence.runId()).text("cursorKey", wait.cursorKey())
                    .clock(clock).update();
        }
        SqlCall.of(em, SUSPEND_EVENT).uuid("runId", fence.runId()).integer("attempt", fence.attempt())
                .text("cursorKey", wait.cursorKey()).text("name", wait.name()).clock(clock).update();
        return due;
    }

    private static SqlCall step(EntityManager em, FlowClock clock, String sql, Fence fence, Wait wait) {
        return SqlCall.of(em, sql).uuid("runId", fence.runId()).text("cursorKey", wait.cursorKey())
                .text("name", wait.name()).integer("position", wait.position()).clock(clock);
    }

    private static void resolved(EntityManager em, FlowClock clock, Fence fence, Wait wait, String eventType) {
        SqlCall.of(em, RESOLVED_RUN).uuid("runId", fence.runId()).millis("leaseMs", wait.lease()).clock(clock)
                .update();
        SqlCall.of(em, RESOLVED_EVENT).uuid("runId", fence.runId()).text("eventType", eventType)
                .integer("attempt", fence.attempt()).text("cursorKey", wait.cursorKey()).text("name", wait.name())
                .clock(clock).update();
    }
}
